package com.smsportal.gatewayaccount.rotation;

import com.smsportal.audit.AuditDetail;
import com.smsportal.gateway.GatewayClient;
import com.smsportal.gateway.GatewayError;
import com.smsportal.gateway.GatewayException;
import com.smsportal.gateway.GatewayLogin;
import com.smsportal.gatewayaccount.account.RotationSteps;
import com.smsportal.gatewayaccount.account.RotationSteps.Doubt;
import com.smsportal.gatewayaccount.account.RotationSteps.Ending;
import com.smsportal.gatewayaccount.account.RotationSteps.Rotation;
import com.smsportal.gatewayaccount.account.RotationSteps.Start;
import com.smsportal.web.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

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
 * This class talks to the gateway and decides; each step on the account's row is {@link
 * RotationSteps}' own short transaction on the locked row, so no transaction spans a call to the
 * gateway. While the state is not NONE, {@link com.smsportal.gatewayaccount.GatewayAccess} refuses
 * the account.
 */
@Service
class PasswordRotation {

  private static final Logger log = LoggerFactory.getLogger(PasswordRotation.class);

  private final RotationSteps steps;
  private final GatewayClient gateway;
  private final Clock clock;

  /** See {@link RotationProperties#settleAfter()}. */
  private final Duration settleAfter;

  private final GatewayPasswords passwords = new GatewayPasswords();

  PasswordRotation(
      RotationSteps steps, GatewayClient gateway, Clock clock, RotationProperties properties) {
    this.steps = steps;
    this.gateway = gateway;
    this.clock = clock;
    this.settleAfter = properties.settleAfter();
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
    String newPassword = chosen == null ? passwords.generate() : chosen;
    Optional<Start> start = steps.start(id, newPassword);
    if (start.isEmpty()) {
      return Optional.empty();
    }
    switch (start.get().outcome()) {
      case PASSWORD_NEEDED -> {
        return Optional.of(RotationResult.of(RotationOutcome.PASSWORD_NEEDED));
      }
      case BUSY -> {
        return Optional.of(RotationResult.of(RotationOutcome.BUSY));
      }
      default -> {
        // Started: ask the gateway.
      }
    }
    Rotation rotation = start.get().rotation();
    GatewayLogin current = start.get().current();
    try {
      gateway.changePassword(current, newPassword);
    } catch (GatewayException e) {
      if (!e.error().mayHaveTakenEffect()) {
        AuditDetail detail =
            AuditDetail.of(
                "audit.detail.rotation.refused",
                AuditDetail.text("gateway.problem." + e.error()),
                e.upstreamMessage() == null
                    ? ""
                    : masked(e.upstreamMessage(), newPassword, current));
        return Optional.of(finish(rotation, Ending.REFUSED, detail, RotationResult.refused(e)));
      }
      unanswered(rotation, e.error());
      return Optional.of(resolve(id).afterLostAnswer());
    } catch (RuntimeException e) {
      // Whatever broke, the request may have gone out: treat it as an answer that did not come.
      log.warn("Password rotation of gateway account {} failed unexpectedly", id, e);
      unanswered(rotation, GatewayError.OUTCOME_UNKNOWN);
      return Optional.of(resolve(id).afterLostAnswer());
    }
    return Optional.of(
        finish(
            rotation,
            Ending.CONFIRMED,
            AuditDetail.of("audit.detail.rotation.confirmed"),
            RotationResult.of(RotationOutcome.ROTATED)));
  }

  /**
   * Finds out which password of an account in doubt the gateway accepts, by asking for the balance
   * with each: the new one first, which makes it current; else the old one, which drops the new.
   */
  RotationResult resolve(long id) {
    Optional<Doubt> doubt = steps.doubt(id);
    if (doubt.isEmpty()) {
      return RotationResult.of(RotationOutcome.NOT_IN_DOUBT);
    }
    Doubt open = doubt.get();
    Check withNew = check(open.current().withPassword(open.newPassword()));
    if (withNew == Check.ACCEPTED) {
      return settle(open, true);
    }
    Check withOld = check(open.current());
    if (withOld == Check.ACCEPTED) {
      Instant settled = open.startedAt().plus(settleAfter);
      if (clock.instant().isBefore(settled)) {
        steps.stillInDoubt(
            open.rotation(),
            AuditDetail.of("audit.detail.rotation.settling", new Times().format(settled)));
        return RotationResult.of(RotationOutcome.IN_DOUBT_SETTLING);
      }
      return settle(open, false);
    }
    boolean neither = withNew == Check.REFUSED && withOld == Check.REFUSED;
    RotationOutcome outcome =
        neither ? RotationOutcome.IN_DOUBT_NEITHER : RotationOutcome.IN_DOUBT_UNVERIFIED;
    steps.stillInDoubt(
        open.rotation(),
        neither
            ? AuditDetail.of("audit.detail.rotation.neither")
            : AuditDetail.of(
                "audit.detail.rotation.unasked",
                AuditDetail.text("audit.detail.rotation.check." + withNew),
                AuditDetail.text("audit.detail.rotation.check." + withOld)));
    log.warn("Password rotation of gateway account {} still in doubt: {}", id, outcome);
    return RotationResult.of(outcome);
  }

  /** Every account in doubt, and any rotation stuck PENDING longer than {@code staleAfter}. */
  int resolveAll(Duration staleAfter) {
    steps.doubtStale(staleAfter);
    int resolved = 0;
    for (long id : steps.inDoubt()) {
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
    return steps.doubtInterrupted();
  }

  /** No usable answer came: the rotation is in doubt, either password may be valid. */
  private void unanswered(Rotation rotation, GatewayError error) {
    finish(
        rotation,
        Ending.UNKNOWN,
        AuditDetail.of(
            "audit.detail.rotation.unanswered", AuditDetail.text("gateway.problem." + error)),
        RotationResult.of(RotationOutcome.IN_DOUBT_UNVERIFIED));
  }

  /** The change's outcome, stored with its audit record, if the rotation is still this one. */
  private RotationResult finish(
      Rotation rotation, Ending ending, AuditDetail detail, RotationResult result) {
    if (!steps.end(rotation, ending, detail)) {
      // Resolved meanwhile (a stale rotation found by the retry): nothing left to do here.
      return RotationResult.of(RotationOutcome.NOT_IN_DOUBT);
    }
    log.info("Password rotation of gateway account {}: {}", rotation.accountId(), ending);
    return result;
  }

  private RotationResult settle(Doubt doubt, boolean newIsValid) {
    boolean settled =
        steps.end(
            doubt.rotation(),
            newIsValid ? Ending.NEW_VALID : Ending.OLD_VALID,
            newIsValid
                ? AuditDetail.of("audit.detail.rotation.newValid")
                : AuditDetail.of("audit.detail.rotation.oldValid"));
    if (!settled) {
      return RotationResult.of(RotationOutcome.NOT_IN_DOUBT);
    }
    log.info(
        "Password rotation of gateway account {} resolved: {} password valid",
        doubt.rotation().accountId(),
        newIsValid ? "new" : "old");
    return RotationResult.of(
        newIsValid ? RotationOutcome.CONFIRMED_NEW : RotationOutcome.CONFIRMED_OLD);
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

  /** The gateway's words, in case it echoes a password back (no gateway should; be sure). */
  private static String masked(String text, String newPassword, GatewayLogin current) {
    String out = text.replace(newPassword, "****");
    String old = current.password();
    return old.isEmpty() ? out : out.replace(old, "****");
  }

  private enum Check {
    ACCEPTED,
    REFUSED,
    NO_ANSWER
  }
}
