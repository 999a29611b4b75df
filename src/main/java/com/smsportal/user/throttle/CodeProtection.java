package com.smsportal.user.throttle;

import com.smsportal.user.throttle.LoginCounter.Kind;
import com.smsportal.user.throttle.LoginCounters.Reservation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The protection of second-factor codes ({@link LoginProtection} has the rules): each code is
 * counted before its check, on the pending sign-in (5 wrong codes end it) and on the user's codes
 * (10 wrong ones lock them for a day; only someone with the password can make them). Only a sign-in
 * that passed a code forgets them ({@link LoginProtection#signedIn}).
 */
@Service
public class CodeProtection {

  /** Wrong codes that end one pending sign-in; the code page starts over from the password. */
  static final int WRONG_CODES_PER_SIGN_IN = 5;

  /** A code attempt counted before its check. */
  public record CodeTicket(
      String username,
      Reservation signIn,
      Reservation codes,
      boolean signInEnded,
      LoginProtection.Refusal refusal) {

    public boolean refused() {
      return refusal != null;
    }
  }

  private final LoginCounters counters;
  private final LoginAttemptRepository attempts;
  private final LoginProtectionProperties limits;
  private final SignInAlarm alarm;
  private final Clock clock;

  CodeProtection(
      LoginCounters counters,
      LoginAttemptRepository attempts,
      LoginProtectionProperties limits,
      SignInAlarm alarm,
      Clock clock) {
    this.counters = counters;
    this.attempts = attempts;
    this.limits = limits;
    this.alarm = alarm;
    this.clock = clock;
  }

  /**
   * Counts a second-factor code before its check: on the pending sign-in ({@code signInId}, null
   * for a code typed with the password) and on the user's codes.
   */
  public CodeTicket codeAttempt(String username, String signInId) {
    Instant now = clock.instant();
    Reservation signIn = null;
    if (signInId != null) {
      signIn =
          counters.reserve(
              LoginCounter.of(Kind.SIGN_IN, username, null, signInId),
              WRONG_CODES_PER_SIGN_IN,
              limits.failureWindow(),
              List.of(limits.failureWindow()),
              now);
      if (!signIn.granted()) {
        alarm.refused();
        return new CodeTicket(
            username, null, null, true, new LoginProtection.Refusal(false, signIn.blockedUntil()));
      }
    }
    Reservation codes =
        counters.reserve(
            LoginCounter.of(Kind.CODES, username, null, username),
            limits.maxFailedCodes(),
            limits.failureWindow(),
            List.of(limits.maxLockoutDuration()),
            now);
    if (!codes.granted()) {
      if (signIn != null) {
        release(signIn);
      }
      alarm.refused();
      return new CodeTicket(
          username, null, null, false, new LoginProtection.Refusal(true, codes.blockedUntil()));
    }
    return new CodeTicket(username, signIn, codes, false, null);
  }

  /** A wrong code: it stays counted. */
  public LoginProtection.Failure codeFailed(CodeTicket ticket, String clientIp) {
    Instant now = clock.instant();
    alarm.wrongCode();
    attempts.save(new LoginAttempt(ticket.username(), LoginOutcome.BAD_CODE, clientIp, now));
    return new LoginProtection.Failure(
        ticket.codes().blocksAt(now),
        ticket.signIn() != null && ticket.signIn().blocksAt(now),
        false);
  }

  /** A right code whose sign-in could not complete (disabled meanwhile): no failure either. */
  public void codeRight(CodeTicket ticket) {
    if (ticket.signIn() != null) {
      release(ticket.signIn());
    }
    release(ticket.codes());
  }

  /** Whether second-factor codes of this user are refused now (too many wrong ones). */
  public boolean codesLocked(String username) {
    return counters
        .blockedUntil(LoginCounter.of(Kind.CODES, username, null, username), clock.instant())
        .isPresent();
  }

  private void release(Reservation reservation) {
    counters.release(reservation.counter(), limits.maxAttempts(reservation.counter().kind()));
  }
}
