package com.smsportal.gatewayaccount.account;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditDetail;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayAccountView;
import com.smsportal.gatewayaccount.RotationInProgressException;
import com.smsportal.gatewayaccount.endpoint.EndpointDirectory;
import com.smsportal.gatewayaccount.endpoint.EndpointUnavailableException;
import com.smsportal.gatewayaccount.endpoint.EndpointView;
import com.smsportal.secrets.CredentialCipher;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import java.time.Clock;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The changes of gateway accounts: created and edited on their pages, set up by the system, and
 * verified when the gateway accepts their password. A gateway account (endpoint, userid, account)
 * is claimed by one row in the whole portal, and only with a password the gateway has accepted.
 * Every change is audited, never with a value of the password, which is stored only encrypted and
 * bound to its row and gateway account. Filtered by the current tenant context like every read.
 */
@Service
public class AccountChanges {

  /** Stands in for the ciphertext until the row has the id the ciphertext is bound to. */
  private static final String NOT_YET_ENCRYPTED = "";

  private final GatewayAccountRepository accounts;
  private final AccountQueries queries;
  private final EndpointDirectory endpoints;
  private final TenantService tenants;
  private final CredentialCipher cipher;
  private final AccountAudit changeLog;
  private final IdentityClaims identities;
  private final Clock clock;

  AccountChanges(
      GatewayAccountRepository accounts,
      AccountQueries queries,
      EndpointDirectory endpoints,
      TenantService tenants,
      CredentialCipher cipher,
      AccountAudit changeLog,
      IdentityClaims identities,
      Clock clock) {
    this.accounts = accounts;
    this.queries = queries;
    this.endpoints = endpoints;
    this.tenants = tenants;
    this.cipher = cipher;
    this.changeLog = changeLog;
    this.identities = identities;
    this.clock = clock;
  }

  /**
   * Set-up by the system (the demo, tests): the current tenant's account for this gateway account
   * (endpoint, userid, account), else its account of this name, gets these settings and password;
   * created if neither exists. Run it in the tenant's context. The system's own configuration is
   * trusted: the account is verified and claims its identity without asking the gateway (which may
   * not be up yet while the portal starts).
   *
   * @throws IdentityTakenException if another tenant holds this gateway account
   */
  @Transactional
  public long ensure(
      String name,
      long endpointId,
      GatewayCharset charset,
      String userid,
      String account,
      String password) {
    AccountSettings settings =
        new AccountSettings(
            name,
            endpointId,
            charset,
            userid,
            account,
            AccountSettings.DEFAULT_CHUNK_SIZE,
            true,
            true,
            null);
    return accounts
        .findFirstByEndpointIdAndUseridAndAccountKeyOrderById(
            endpointId, userid.strip(), GatewayAccount.accountKey(account))
        .or(() -> accounts.findFirstByNameOrderById(name))
        .map(existing -> update(existing.getId(), settings, password, true).orElseThrow().id())
        .orElseGet(() -> create(settings, password, null, true));
  }

  /**
   * Creates an account in the current customer's tenant or, for staff, in {@code staffTenant}
   * (ignored for a customer: a customer never chooses the tenant). It claims its gateway account
   * only if the gateway has accepted its password ({@code passwordAccepted}); otherwise it is
   * stored unverified, claims nothing and is told nothing of other registrations.
   *
   * @throws EndpointUnavailableException if the endpoint is not an active one
   * @throws IdentityTakenException if the password was accepted and another row has claimed the
   *     gateway account already
   */
  @Transactional
  long create(
      AccountSettings settings, String password, Long staffTenant, boolean passwordAccepted) {
    long current = TenantContext.current();
    GatewayAccount account = new GatewayAccount(settings, clock.instant());
    long tenant;
    if (current == TenantContext.ALL_TENANTS) {
      if (staffTenant == null || tenants.find(staffTenant).isEmpty()) {
        throw new IllegalArgumentException("no such tenant");
      }
      tenant = staffTenant;
      account.belongTo(tenant);
    } else if (current > 0) {
      tenant = current;
    } else {
      throw new AccessDeniedException("no tenant");
    }
    EndpointView endpoint = endpoints.lockActive(settings.endpointId());
    account.setPassword(NOT_YET_ENCRYPTED);
    if (passwordAccepted) {
      identities.refuseTaken(settings.endpointId(), settings.userid(), settings.account(), null);
      account.claim(clock.instant());
    }
    identities.write(account);
    account.setPassword(cipher.encrypt(password, account.binding(GatewayAccount.PASSWORD_COLUMN)));
    changeLog.record(
        AuditAction.CREDENTIALS_CHANGED,
        account,
        tenant,
        AuditDetail.of(
            passwordAccepted
                ? "audit.detail.accountCreated"
                : "audit.detail.accountCreatedUnverified",
            AccountAudit.endpoint(endpoint),
            account.getUserid(),
            account.getAccount()));
    return account.getId();
  }

  /**
   * Changes the settings; the password only when a new one is given ({@code newPassword} neither
   * null nor empty). A new gateway account (endpoint, userid or account) needs the password again
   * with it: the stored one was given for the old one and is dropped.
   *
   * @throws RotationInProgressException for a new password or gateway account while a rotation is
   *     under way or in doubt
   * @throws PasswordRequiredException for a new gateway account without a password
   * @throws EndpointUnavailableException if a newly chosen endpoint is not an active one
   * @throws IdentityTakenException if the password was accepted and another row has claimed the
   *     gateway account already
   * @param passwordAccepted whether the gateway has accepted the new password for the settings'
   *     gateway account: an unverified account (a new gateway account always is) is then verified
   *     and claims it
   */
  @Transactional
  Optional<GatewayAccountView> update(
      long id, AccountSettings settings, String newPassword, boolean passwordAccepted) {
    Optional<GatewayAccount> found = accounts.findLockedById(id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    GatewayAccount account = found.get();
    boolean newIdentity = !account.sameIdentity(settings);
    boolean hasNewPassword = newPassword != null && !newPassword.isEmpty();
    if ((hasNewPassword || newIdentity) && !account.getRotationState().settled()) {
      throw new RotationInProgressException(id, account.getRotationState());
    }
    if (newIdentity && !hasNewPassword) {
      throw new PasswordRequiredException();
    }
    AccountAudit.Changes changes = new AccountAudit.Changes();
    if (newIdentity) {
      EndpointView before = endpoints.find(account.getEndpointId()).orElse(null);
      EndpointView after = endpoints.lockActive(settings.endpointId());
      changes.credential(
          "accounts.field.endpoint",
          before == null ? null : AccountAudit.endpoint(before),
          AccountAudit.endpoint(after));
      changes.credential("accounts.field.userid", account.getUserid(), settings.userid().strip());
      changes.credential(
          "accounts.field.account", account.getAccount(), settings.account().strip());
    }
    GatewayAccountView unchanged = queries.view(account);
    account.apply(settings, clock.instant());
    if (hasNewPassword) {
      account.setPassword(
          cipher.encrypt(newPassword, account.binding(GatewayAccount.PASSWORD_COLUMN)));
      changes.credential(
          newIdentity ? "audit.detail.passwordAgain" : "audit.detail.passwordReplaced");
    }
    boolean claims = passwordAccepted && hasNewPassword && !account.isVerified();
    if (claims) {
      identities.refuseTaken(settings.endpointId(), settings.userid(), settings.account(), id);
      account.claim(clock.instant());
      changes.credential("audit.detail.verified");
    }
    if (newIdentity || claims) {
      identities.write(account);
    }
    GatewayAccountView changed = queries.view(account);
    changes.settings(unchanged, changed);
    changeLog.changed(account, account.getTenantId(), changes);
    return Optional.of(changed);
  }

  /**
   * "Test connection" found the stored password accepted by the gateway: an unverified account is
   * now verified and claims its gateway account.
   *
   * @return whether it was verified just now (false: it was already, or there is no such account)
   * @throws IdentityTakenException if another row has claimed the gateway account: the caller has
   *     proven the password, so it may be told
   */
  @Transactional
  boolean verified(long id) {
    Optional<GatewayAccount> found = accounts.findLockedById(id);
    if (found.isEmpty() || found.get().isVerified()) {
      return false;
    }
    GatewayAccount account = found.get();
    identities.refuseTaken(account.getEndpointId(), account.getUserid(), account.getAccount(), id);
    account.claim(clock.instant());
    identities.write(account);
    changeLog.record(
        AuditAction.CREDENTIALS_CHANGED,
        account,
        account.getTenantId(),
        AuditDetail.of("audit.detail.verifiedByTest"));
    return true;
  }
}
