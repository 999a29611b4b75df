package com.smsportal.tenant;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.gateway.GatewayCharset;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gateway accounts' facade: what other modules (sending, polling, balance) call. Every read is
 * filtered by the current tenant context, so a customer's request finds only its own accounts; the
 * operator's staff and system tasks (ALL_TENANTS) find every tenant's.
 */
@Service
public class GatewayAccounts {

  private static final Sort ORDER = Sort.by("name").and(Sort.by("id"));

  private final GatewayAccountRepository accounts;
  private final TenantRepository tenants;
  private final CredentialCipher cipher;
  private final AuditLog audit;
  private final Clock clock;

  GatewayAccounts(
      GatewayAccountRepository accounts,
      TenantRepository tenants,
      CredentialCipher cipher,
      AuditLog audit,
      Clock clock) {
    this.accounts = accounts;
    this.tenants = tenants;
    this.cipher = cipher;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Set-up by the system (the demo): the current tenant's account of this name points at these
   * settings afterwards, created if missing. Run it in the tenant's context.
   */
  @Transactional
  public long ensure(
      String name,
      String baseUrl,
      GatewayCharset charset,
      String userid,
      String account,
      String password) {
    AccountForm form =
        new AccountForm(
            name,
            baseUrl,
            charset,
            userid,
            account,
            password,
            password,
            AccountForm.DEFAULT_CHUNK_SIZE,
            true,
            true,
            null);
    return accounts
        .findFirstByNameOrderById(name)
        .map(existing -> update(existing.getId(), form).orElseThrow().id())
        .orElseGet(() -> create(form, null));
  }

  @Transactional(readOnly = true)
  public List<GatewayAccountView> list() {
    return accounts.findAll(ORDER).stream().map(GatewayAccount::toView).toList();
  }

  @Transactional(readOnly = true)
  public Optional<GatewayAccountView> find(long id) {
    return accounts.findById(id).map(GatewayAccount::toView);
  }

  /**
   * The account's credentials with the password decrypted, for a call to the gateway; empty if the
   * current tenant has no such account.
   *
   * @throws RotationInProgressException while the account's password is being rotated or the
   *     rotation's outcome is in doubt ({@link GatewayAccountView#waitsForRotation()}): the portal
   *     does not know which password is valid, so sends and pollers must skip the account and try
   *     again later rather than risk a call with the wrong one
   */
  @Transactional(readOnly = true)
  public Optional<GatewayCredentials> credentials(long id) {
    return accounts
        .findById(id)
        .map(
            a -> {
              if (!a.getRotationState().settled()) {
                throw new RotationInProgressException(id, a.getRotationState());
              }
              return a.toCredentials(cipher.decrypt(a.getPasswordCiphertext(), passwordContext(a)));
            });
  }

  /**
   * Creates an account in the current customer's tenant or, for staff, in {@code staffTenant}
   * (ignored for a customer: a customer never chooses the tenant).
   */
  @Transactional
  long create(AccountForm form, Long staffTenant) {
    long current = TenantContext.current();
    GatewayAccount account = new GatewayAccount(form, clock.instant());
    long tenant;
    if (current == TenantContext.ALL_TENANTS) {
      if (staffTenant == null || !tenants.existsById(staffTenant)) {
        throw new IllegalArgumentException("no such tenant");
      }
      tenant = staffTenant;
      account.belongTo(tenant);
    } else if (current > 0) {
      tenant = current;
    } else {
      throw new AccessDeniedException("no tenant");
    }
    account.setPassword(cipher.encrypt(form.password(), passwordContext(tenant)));
    GatewayAccount saved = accounts.save(account);
    audited(saved, "created");
    return saved.getId();
  }

  /**
   * Changes the settings; the password only when the form carries a new one, which is refused
   * ({@link RotationInProgressException}) while a rotation is under way or in doubt.
   */
  @Transactional
  Optional<GatewayAccountView> update(long id, AccountForm form) {
    return accounts
        .findById(id)
        .map(
            account -> {
              if (form.hasNewPassword() && !account.getRotationState().settled()) {
                throw new RotationInProgressException(id, account.getRotationState());
              }
              account.apply(form, clock.instant());
              if (form.hasNewPassword()) {
                account.setPassword(cipher.encrypt(form.password(), passwordContext(account)));
              }
              audited(account, form.hasNewPassword() ? "settings and password" : "settings");
              return account.toView();
            });
  }

  /** Records what changed, never a value of the credentials. */
  private void audited(GatewayAccount account, String what) {
    String tenantName = tenants.findById(account.getTenantId()).map(Tenant::getName).orElse(null);
    audit.record(
        AuditEntry.success(AuditAction.CREDENTIALS_CHANGED, account.getName())
            .tenant(account.getTenantId(), tenantName)
            .detail(what));
  }

  private static String passwordContext(GatewayAccount account) {
    return passwordContext(account.getTenantId());
  }

  static String passwordContext(long tenantId) {
    return CredentialCipher.context(GatewayAccount.PASSWORD_COLUMN, tenantId);
  }

  /** The new password of a rotation has its own column, hence its own associated data. */
  static String pendingPasswordContext(long tenantId) {
    return CredentialCipher.context(GatewayAccount.PENDING_PASSWORD_COLUMN, tenantId);
  }
}
