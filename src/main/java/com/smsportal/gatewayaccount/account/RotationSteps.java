package com.smsportal.gatewayaccount.account;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditDetail;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.gateway.GatewayLogin;
import com.smsportal.gatewayaccount.RotationInDoubt;
import com.smsportal.gatewayaccount.RotationState;
import com.smsportal.node.NodeIdentity;
import com.smsportal.secrets.CredentialCipher;
import com.smsportal.secrets.CredentialCipher.CredentialCipherException;
import com.smsportal.tenant.TenantService;
import com.smsportal.tenant.TenantView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The steps of a password rotation on the account's row ({@code rotation.PasswordRotation} decides
 * which follows which, from the gateway's answers): each its own short transaction on the locked
 * row, with its audit record, so that no transaction spans a call to the gateway. A step that finds
 * the row no longer in the rotation it was asked about (resolved meanwhile) changes nothing.
 */
@Service
public class RotationSteps {

  private final GatewayAccountRepository accounts;
  private final AccountLogins logins;
  private final CredentialCipher cipher;
  private final TenantService tenants;
  private final AuditLog audit;
  private final TransactionTemplate transaction;
  private final NodeIdentity node;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  RotationSteps(
      GatewayAccountRepository accounts,
      AccountLogins logins,
      CredentialCipher cipher,
      TenantService tenants,
      AuditLog audit,
      TransactionTemplate transaction,
      NodeIdentity node,
      Clock clock,
      ApplicationEventPublisher events) {
    this.accounts = accounts;
    this.logins = logins;
    this.cipher = cipher;
    this.tenants = tenants;
    this.audit = audit;
    this.transaction = transaction;
    this.node = node;
    this.clock = clock;
    this.events = events;
  }

  /** One rotation of an account, as its steps name it: by its new password's ciphertext. */
  public record Rotation(long accountId, String pending, long tenantId, String target) {}

  /** What asking to start a rotation came to; the current login (a password) only if it started. */
  public record Start(Outcome outcome, Rotation rotation, GatewayLogin current) {

    public enum Outcome {
      /** The new password is stored and the account waits: ask the gateway for the change. */
      STARTED,
      /** Another rotation is under way or in doubt: nothing was done. */
      BUSY,
      /** The stored password must be entered again before it can be changed: nothing was done. */
      PASSWORD_NEEDED
    }

    @Override
    public String toString() {
      return "Start["
          + outcome
          + (rotation == null ? "" : ", account " + rotation.accountId())
          + "]";
    }
  }

  /** A rotation in doubt, with both passwords in clear: kept only for the checks. */
  public record Doubt(
      Rotation rotation, GatewayLogin current, String newPassword, Instant startedAt) {

    @Override
    public String toString() {
      return "Doubt[account " + rotation.accountId() + "]";
    }
  }

  /** How a rotation ends on the row, and whether its audit record is a success. */
  public enum Ending {
    /** The gateway confirmed the change: the new password becomes the current one. */
    CONFIRMED(true, true, false),
    /** The gateway refused it, or provably never got it: the current password stays. */
    REFUSED(false, false, false),
    /** No usable answer came: either password may be valid, the account waits (in doubt). */
    UNKNOWN(null, false, false),
    /** In doubt, the gateway accepts the new password: it becomes the current one. */
    NEW_VALID(true, true, true),
    /** In doubt, the gateway still accepts the old password: the new one is dropped. */
    OLD_VALID(false, true, true);

    /** True: the new password becomes current; false: it is dropped; null: still in doubt. */
    private final Boolean newPassword;

    private final boolean success;
    private final boolean fromDoubt;

    Ending(Boolean newPassword, boolean success, boolean fromDoubt) {
      this.newPassword = newPassword;
      this.success = success;
      this.fromDoubt = fromDoubt;
    }
  }

  /**
   * Records the new password, encrypted, before the gateway is asked: from now on the account
   * waits. Empty if the current tenant context has no such account.
   */
  public Optional<Start> start(long id, String newPassword) {
    return transaction.execute(
        status ->
            accounts
                .findLockedById(id)
                .map(
                    account -> {
                      if (!account.getRotationState().settled()) {
                        return new Start(Start.Outcome.BUSY, null, null);
                      }
                      String current;
                      try {
                        current = cipher.decrypt(account.getPasswordCiphertext(), current(account));
                      } catch (CredentialCipherException e) {
                        if (e.unknownKey()) {
                          throw e;
                        }
                        return new Start(Start.Outcome.PASSWORD_NEEDED, null, null);
                      }
                      String pending = cipher.encrypt(newPassword, pending(account));
                      account.startRotation(pending, clock.instant(), node.id());
                      return new Start(
                          Start.Outcome.STARTED,
                          rotation(account, pending),
                          logins.login(account, current));
                    }));
  }

  /** The account's rotation, if it is in doubt, with both passwords. */
  public Optional<Doubt> doubt(long id) {
    return transaction.execute(
        status ->
            accounts
                .findById(id)
                .filter(a -> a.getRotationState() == RotationState.IN_DOUBT)
                .map(
                    account -> {
                      String current =
                          cipher.decrypt(account.getPasswordCiphertext(), current(account));
                      String pending = account.getPendingPasswordCiphertext();
                      return new Doubt(
                          rotation(account, pending),
                          logins.login(account, current),
                          cipher.decrypt(pending, pending(account)),
                          account.getRotationStartedAt());
                    }));
  }

  /**
   * Ends the rotation as {@code ending} says, with its audit record, if the row is still in it (and
   * in doubt, for an ending of a doubt).
   *
   * @return false if it was resolved meanwhile: nothing changed
   */
  public boolean end(Rotation rotation, Ending ending, AuditDetail detail) {
    return transaction.execute(
        status -> {
          Optional<GatewayAccount> locked =
              accounts
                  .findLockedById(rotation.accountId())
                  .filter(a -> !ending.fromDoubt || a.getRotationState() == RotationState.IN_DOUBT)
                  .filter(
                      a -> Objects.equals(a.getPendingPasswordCiphertext(), rotation.pending()));
          if (locked.isEmpty()) {
            return false;
          }
          GatewayAccount account = locked.get();
          if (ending.newPassword == null) {
            account.doubtRotation();
            doubted(account);
          } else if (ending.newPassword) {
            String newPassword = cipher.decrypt(rotation.pending(), pending(account));
            account.completeRotation(
                cipher.encrypt(newPassword, current(account)), clock.instant());
          } else {
            account.abandonRotation();
          }
          record(
              ending.success
                  ? AuditEntry.success(AuditAction.PASSWORD_ROTATION, rotation.target())
                  : AuditEntry.failure(AuditAction.PASSWORD_ROTATION, rotation.target()),
              rotation.tenantId(),
              detail);
          return true;
        });
  }

  /** Records that the rotation is still in doubt, and why; the row does not change. */
  public void stillInDoubt(Rotation rotation, AuditDetail detail) {
    transaction.executeWithoutResult(
        status ->
            record(
                AuditEntry.failure(AuditAction.PASSWORD_ROTATION, rotation.target()),
                rotation.tenantId(),
                detail));
  }

  /** Puts every rotation left PENDING longer than {@code staleAfter} in doubt. */
  public void doubtStale(Duration staleAfter) {
    transaction.executeWithoutResult(
        status -> {
          for (GatewayAccount account :
              accounts.findByRotationStateAndRotationStartedAtBefore(
                  RotationState.PENDING, clock.instant().minus(staleAfter))) {
            // The portal stopped between the call and its outcome: that outcome is unknown.
            account.doubtRotation();
            doubted(account);
            record(
                AuditEntry.failure(AuditAction.PASSWORD_ROTATION, target(account)),
                account.getTenantId(),
                AuditDetail.of("audit.detail.rotation.stale"));
          }
        });
  }

  /**
   * Puts the rotations this node was making when it stopped in doubt: their answers will never be
   * recorded. Another node's rotation under way is left to it. Returns how many.
   */
  public int doubtInterrupted() {
    return transaction.execute(
        status -> {
          List<GatewayAccount> interrupted =
              accounts.findByRotationStateAndRotationStartedBy(RotationState.PENDING, node.id());
          for (GatewayAccount account : interrupted) {
            account.doubtRotation();
            doubted(account);
            record(
                AuditEntry.failure(AuditAction.PASSWORD_ROTATION, target(account)),
                account.getTenantId(),
                AuditDetail.of("audit.detail.rotation.interrupted"));
          }
          return interrupted.size();
        });
  }

  /** The accounts whose rotation is in doubt. */
  public List<Long> inDoubt() {
    return transaction.execute(
        status ->
            accounts.findByRotationState(RotationState.IN_DOUBT).stream()
                .map(GatewayAccount::getId)
                .toList());
  }

  /** Tells the listeners (the admins' notices) in this transaction: the account fell into doubt. */
  private void doubted(GatewayAccount account) {
    events.publishEvent(
        new RotationInDoubt(
            account.getTenantId(), account.getId(), account.getName(), clock.instant()));
  }

  private static Rotation rotation(GatewayAccount account, String pending) {
    return new Rotation(account.getId(), pending, account.getTenantId(), target(account));
  }

  private static CredentialBinding current(GatewayAccount account) {
    return account.binding(GatewayAccount.PASSWORD_COLUMN);
  }

  /** The new password of a rotation has its own column, hence its own associated data. */
  private static CredentialBinding pending(GatewayAccount account) {
    return account.binding(GatewayAccount.PENDING_PASSWORD_COLUMN);
  }

  private void record(AuditEntry entry, long tenantId, AuditDetail detail) {
    String tenantName = tenants.find(tenantId).map(TenantView::name).orElse(null);
    audit.record(entry.tenant(tenantId, tenantName).detail(detail));
  }

  /** The audit target: the account's number and name, in the reader's language. */
  private static String target(GatewayAccount account) {
    return AuditDetail.of("audit.target.account", account.getId(), account.getName()).encode();
  }
}
