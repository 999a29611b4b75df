package com.smsportal.gatewayaccount;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.gateway.GatewayClient;
import com.smsportal.gateway.GatewayError;
import com.smsportal.gateway.GatewayException;
import com.smsportal.gateway.GatewayLogin;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The safe rotation of a gateway account's password (spec section 6). The portal is the only holder
 * of the password, so it must always know which one is valid:
 *
 * <pre>
 * NONE --rotate: new password stored encrypted, committed--> PENDING --changespwd-->
 *   Success                          -> NONE (new is current)
 *   Faild / provably not sent        -> NONE (new dropped)
 *   no usable answer (lost, garbage) -> IN_DOUBT --overage with each password-->
 *       new accepted -> NONE (new is current);  old accepted -> NONE (new dropped);
 *       neither, or no answer -> IN_DOUBT (retried by {@link RotationRetry} and on demand)
 * </pre>
 *
 * Each step is its own short transaction on the locked row; no transaction spans a call to the
 * gateway. While the state is not NONE, {@link GatewayAccounts#credentials} refuses the account.
 */
@Service
class PasswordRotation {

  private static final Logger log = LoggerFactory.getLogger(PasswordRotation.class);
  private static final int DETAIL_MAX = 500;

  private final GatewayAccountRepository accounts;
  private final TenantService tenants;
  private final CredentialCipher cipher;
  private final GatewayClient gateway;
  private final GatewayAccess access;
  private final AuditLog audit;
  private final TransactionTemplate transaction;
  private final Clock clock;

  /**
   * How long after an unanswered change the old password must still work before the new one is
   * dropped: a change the gateway received but applied late would otherwise leave the portal with a
   * password the gateway no longer accepts, and no other copy of the valid one.
   */
  private final Duration settleAfter;

  private final GatewayPasswords passwords = new GatewayPasswords();

  private final NodeIdentity node;

  PasswordRotation(
      GatewayAccountRepository accounts,
      TenantService tenants,
      CredentialCipher cipher,
      GatewayClient gateway,
      GatewayAccess access,
      AuditLog audit,
      TransactionTemplate transaction,
      Clock clock,
      @Value("${smsportal.rotation.settle-after:PT5M}") Duration settleAfter,
      NodeIdentity node) {
    this.settleAfter = settleAfter;
    this.node = node;
    this.accounts = accounts;
    this.tenants = tenants;
    this.cipher = cipher;
    this.gateway = gateway;
    this.access = access;
    this.audit = audit;
    this.transaction = transaction;
    this.clock = clock;
  }

  /**
   * Rotates the password of an account of the current tenant context.
   *
   * @param chosen the administrator's new password (already checked with {@link
   *     GatewayPasswords#acceptable}), or null for a generated one
   * @return empty if there is no such account
   */
  Optional<RotationResult> rotate(long id, String chosen) {
    if (chosen != null && !GatewayPasswords.acceptable(chosen)) {
      throw new IllegalArgumentException("the new password must be 8 to 32 letters and digits");
    }
    Optional<Started> started = transaction.execute(status -> start(id, chosen));
    if (started.isEmpty()) {
      return Optional.empty();
    }
    Started rotation = started.get();
    if (rotation == Started.PASSWORD_NEEDED) {
      return Optional.of(RotationResult.of(RotationOutcome.PASSWORD_NEEDED));
    }
    if (rotation.busy()) {
      return Optional.of(RotationResult.of(RotationOutcome.BUSY));
    }
    try {
      gateway.changePassword(rotation.current(), rotation.newPassword());
    } catch (GatewayException e) {
      if (!e.error().mayHaveTakenEffect()) {
        return Optional.of(finish(id, rotation, Verdict.refused(e)));
      }
      finish(id, rotation, Verdict.unknown(e.error()));
      return Optional.of(resolve(id).afterLostAnswer());
    } catch (RuntimeException e) {
      // Whatever broke, the request may have gone out: treat it as an answer that did not come.
      log.warn("Password rotation of gateway account {} failed unexpectedly", id, e);
      finish(id, rotation, Verdict.unknown(GatewayError.OUTCOME_UNKNOWN));
      return Optional.of(resolve(id).afterLostAnswer());
    }
    return Optional.of(finish(id, rotation, Verdict.confirmed()));
  }

  /**
   * Finds out which password of an account in doubt the gateway accepts, by asking for the balance
   * with each: the new one first, which makes it current; else the old one, which drops the new.
   */
  RotationResult resolve(long id) {
    Optional<Doubt> doubt =
        transaction.execute(
            status ->
                accounts
                    .findById(id)
                    .filter(a -> a.getRotationState() == RotationState.IN_DOUBT)
                    .map(this::doubt));
    if (doubt.isEmpty()) {
      return RotationResult.of(RotationOutcome.NOT_IN_DOUBT);
    }
    Doubt open = doubt.get();
    Check withNew = check(open.current().withPassword(open.newPassword()));
    if (withNew == Check.ACCEPTED) {
      return settle(id, open, true);
    }
    Check withOld = check(open.current());
    if (withOld == Check.ACCEPTED) {
      Instant settled = open.startedAt().plus(settleAfter);
      if (clock.instant().isBefore(settled)) {
        transaction.executeWithoutResult(
            status ->
                record(
                    AuditEntry.failure(AuditAction.PASSWORD_ROTATION, open.target()),
                    open.tenantId(),
                    "still in doubt: the old password works, the new one is kept until "
                        + settled
                        + " in case the change is applied late"));
        return RotationResult.of(RotationOutcome.IN_DOUBT_SETTLING);
      }
      return settle(id, open, false);
    }
    boolean neither = withNew == Check.REFUSED && withOld == Check.REFUSED;
    RotationOutcome outcome =
        neither ? RotationOutcome.IN_DOUBT_NEITHER : RotationOutcome.IN_DOUBT_UNVERIFIED;
    transaction.executeWithoutResult(
        status ->
            record(
                AuditEntry.failure(AuditAction.PASSWORD_ROTATION, open.target()),
                open.tenantId(),
                neither
                    ? "still in doubt: the gateway accepts neither the old nor the new password"
                    : "still in doubt: the gateway could not be asked (new: "
                        + withNew
                        + ", old: "
                        + withOld
                        + ")"));
    log.warn("Password rotation of gateway account {} still in doubt: {}", id, outcome);
    return RotationResult.of(outcome);
  }

  /** Every account in doubt, and any rotation stuck PENDING longer than {@code staleAfter}. */
  int resolveAll(Duration staleAfter) {
    transaction.executeWithoutResult(
        status -> {
          for (GatewayAccount account :
              accounts.findByRotationStateAndRotationStartedAtBefore(
                  RotationState.PENDING, clock.instant().minus(staleAfter))) {
            // The portal stopped between the call and its outcome: that outcome is unknown.
            account.doubtRotation();
            record(
                AuditEntry.failure(AuditAction.PASSWORD_ROTATION, target(account)),
                account.getTenantId(),
                "in doubt: the rotation did not finish (the portal stopped during it?)");
          }
        });
    List<Long> inDoubt =
        transaction.execute(
            status ->
                accounts.findByRotationState(RotationState.IN_DOUBT).stream()
                    .map(GatewayAccount::getId)
                    .toList());
    int resolved = 0;
    for (long id : inDoubt) {
      RotationOutcome outcome = resolve(id).outcome();
      if (outcome == RotationOutcome.CONFIRMED_NEW || outcome == RotationOutcome.CONFIRMED_OLD) {
        resolved++;
      }
    }
    return resolved;
  }

  /**
   * The rotations this node was making when it stopped: their answers will never be recorded, so
   * they are in doubt at once (checked with each password by the retry), not after {@code
   * stale-after}. Another node's rotation under way is left to it. Returns how many.
   */
  int doubtInterrupted() {
    return transaction.execute(
        status -> {
          List<GatewayAccount> interrupted =
              accounts.findByRotationStateAndRotationStartedBy(RotationState.PENDING, node.id());
          for (GatewayAccount account : interrupted) {
            account.doubtRotation();
            record(
                AuditEntry.failure(AuditAction.PASSWORD_ROTATION, target(account)),
                account.getTenantId(),
                "in doubt: the portal stopped during the rotation");
          }
          return interrupted.size();
        });
  }

  private Optional<Started> start(long id, String chosen) {
    return accounts
        .findLockedById(id)
        .map(
            account -> {
              if (!account.getRotationState().settled()) {
                return Started.BUSY;
              }
              String newPassword = chosen == null ? passwords.generate() : chosen;
              long tenant = account.getTenantId();
              String current;
              try {
                current = cipher.decrypt(account.getPasswordCiphertext(), current(account));
              } catch (CredentialCipherException e) {
                if (e.unknownKey()) {
                  throw e;
                }
                return Started.PASSWORD_NEEDED;
              }
              String pending = cipher.encrypt(newPassword, pending(account));
              account.startRotation(pending, clock.instant(), node.id());
              return new Started(
                  access.upstream(account, current), newPassword, pending, tenant, target(account));
            });
  }

  /** The change's outcome, stored with its audit record, if the rotation is still this one. */
  private RotationResult finish(long id, Started rotation, Verdict verdict) {
    return transaction.execute(
        status -> {
          Optional<GatewayAccount> locked =
              accounts
                  .findLockedById(id)
                  .filter(
                      a -> Objects.equals(a.getPendingPasswordCiphertext(), rotation.pending()));
          if (locked.isEmpty()) {
            // Resolved meanwhile (a stale rotation found by the retry): nothing left to do here.
            return RotationResult.of(RotationOutcome.NOT_IN_DOUBT);
          }
          GatewayAccount account = locked.get();
          AuditEntry entry;
          String detail;
          RotationResult result;
          switch (verdict.kind()) {
            case CONFIRMED -> {
              account.completeRotation(
                  cipher.encrypt(rotation.newPassword(), current(account)), clock.instant());
              entry = AuditEntry.success(AuditAction.PASSWORD_ROTATION, rotation.target());
              detail = "changed: the gateway confirmed the new password";
              result = RotationResult.of(RotationOutcome.ROTATED);
            }
            case REFUSED -> {
              account.abandonRotation();
              GatewayException e = verdict.refusal();
              entry = AuditEntry.failure(AuditAction.PASSWORD_ROTATION, rotation.target());
              detail =
                  "refused, password unchanged: "
                      + e.error()
                      + (e.upstreamMessage() == null
                          ? ""
                          : " (" + masked(e.upstreamMessage(), rotation) + ")");
              result = RotationResult.refused(e);
            }
            default -> {
              account.doubtRotation();
              entry = AuditEntry.failure(AuditAction.PASSWORD_ROTATION, rotation.target());
              detail =
                  "in doubt: no usable answer ("
                      + verdict.error()
                      + "), either password may be valid";
              result = RotationResult.of(RotationOutcome.IN_DOUBT_UNVERIFIED);
            }
          }
          record(entry, rotation.tenantId(), detail);
          log.info("Password rotation of gateway account {}: {}", id, verdict.kind());
          return result;
        });
  }

  private RotationResult settle(long id, Doubt doubt, boolean newIsValid) {
    return transaction.execute(
        status -> {
          Optional<GatewayAccount> locked =
              accounts
                  .findLockedById(id)
                  .filter(a -> a.getRotationState() == RotationState.IN_DOUBT)
                  .filter(a -> Objects.equals(a.getPendingPasswordCiphertext(), doubt.pending()));
          if (locked.isEmpty()) {
            return RotationResult.of(RotationOutcome.NOT_IN_DOUBT);
          }
          GatewayAccount account = locked.get();
          if (newIsValid) {
            account.completeRotation(
                cipher.encrypt(doubt.newPassword(), current(account)), clock.instant());
          } else {
            account.abandonRotation();
          }
          record(
              AuditEntry.success(AuditAction.PASSWORD_ROTATION, doubt.target()),
              doubt.tenantId(),
              newIsValid
                  ? "resolved: the gateway accepts the new password, now the current one"
                  : "resolved: the gateway still accepts the old password, the new one is dropped");
          log.info(
              "Password rotation of gateway account {} resolved: {} password valid",
              id,
              newIsValid ? "new" : "old");
          return RotationResult.of(
              newIsValid ? RotationOutcome.CONFIRMED_NEW : RotationOutcome.CONFIRMED_OLD);
        });
  }

  private Doubt doubt(GatewayAccount account) {
    long tenant = account.getTenantId();
    String current = cipher.decrypt(account.getPasswordCiphertext(), current(account));
    String pending = account.getPendingPasswordCiphertext();
    String newPassword = cipher.decrypt(pending, pending(account));
    return new Doubt(
        access.upstream(account, current),
        newPassword,
        pending,
        tenant,
        target(account),
        account.getRotationStartedAt());
  }

  /** Whether the gateway accepts these credentials; only a clear refusal counts as "no". */
  private Check check(GatewayLogin credentials) {
    try {
      gateway.overage(credentials);
      return Check.ACCEPTED;
    } catch (GatewayException e) {
      return e.error() == GatewayError.WRONG_CREDENTIALS ? Check.REFUSED : Check.NO_ANSWER;
    } catch (RuntimeException e) {
      log.warn("Checking a password of a rotation in doubt failed unexpectedly", e);
      return Check.NO_ANSWER;
    }
  }

  private static CredentialBinding current(GatewayAccount account) {
    return account.binding(GatewayAccount.PASSWORD_COLUMN);
  }

  /** The new password of a rotation has its own column, hence its own associated data. */
  private static CredentialBinding pending(GatewayAccount account) {
    return account.binding(GatewayAccount.PENDING_PASSWORD_COLUMN);
  }

  private void record(AuditEntry entry, long tenantId, String detail) {
    String tenantName = tenants.find(tenantId).map(TenantView::name).orElse(null);
    String text = detail.length() > DETAIL_MAX ? detail.substring(0, DETAIL_MAX) : detail;
    audit.record(entry.tenant(tenantId, tenantName).detail(text));
  }

  private static String target(GatewayAccount account) {
    return "gateway account " + account.getId() + " (" + account.getName() + ")";
  }

  /** The gateway's words, in case it echoes a password back (no gateway should; be sure). */
  private static String masked(String text, Started rotation) {
    String out = text.replace(rotation.newPassword(), "****");
    String old = rotation.current().password();
    return old.isEmpty() ? out : out.replace(old, "****");
  }

  private enum Check {
    ACCEPTED,
    REFUSED,
    NO_ANSWER
  }

  private record Verdict(Kind kind, GatewayException refusal, GatewayError error) {
    enum Kind {
      CONFIRMED,
      REFUSED,
      UNKNOWN
    }

    static Verdict confirmed() {
      return new Verdict(Kind.CONFIRMED, null, null);
    }

    static Verdict refused(GatewayException e) {
      return new Verdict(Kind.REFUSED, e, e.error());
    }

    static Verdict unknown(GatewayError error) {
      return new Verdict(Kind.UNKNOWN, null, error);
    }
  }

  /** A rotation under way. Holds the new password in clear: kept only for the call. */
  private record Started(
      GatewayLogin current, String newPassword, String pending, long tenantId, String target) {

    static final Started BUSY = new Started(null, null, null, 0, null);
    static final Started PASSWORD_NEEDED = new Started(null, null, null, 0, "password needed");

    boolean busy() {
      return current == null;
    }

    @Override
    public String toString() {
      return "Started[" + target + "]";
    }
  }

  /** A rotation in doubt, with both passwords in clear: kept only for the checks. */
  private record Doubt(
      GatewayLogin current,
      String newPassword,
      String pending,
      long tenantId,
      String target,
      Instant startedAt) {

    @Override
    public String toString() {
      return "Doubt[" + target + "]";
    }
  }
}
