package com.smsportal.user;

import com.smsportal.user.LoginCounters.Counter;
import com.smsportal.user.LoginCounters.Kind;
import com.smsportal.user.LoginCounters.Reservation;
import java.io.Serial;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;

/**
 * Brute-force protection of every password and code check (the login form, the code page and the
 * current-password checks of a signed-in user), counted in the database so that every node and
 * every concurrent request shares the counts ({@link LoginCounters}).
 *
 * <p>Each attempt is <em>reserved</em> (counted) before its password or code is checked, and given
 * back when it turns out right: a burst of concurrent attempts is checked exactly as often as the
 * limits allow, however the requests race. The limits (README, "Security"):
 *
 * <ul>
 *   <li><b>Per user name and address</b> ({@code max-failed-logins}, 5): the 5th wrong password in
 *       a row from one address locks that name on that address for 15 minutes, each further failure
 *       there (once the lock has passed) twice as long, at most 24 hours. Only there: failures from
 *       one address never lock the user out from another. A success forgets them.
 *   <li><b>Per user name, all addresses</b> ({@code max-failed-logins-per-user}, 10 within a day):
 *       further attempts are slowed to one per {@code user-delay} (60 s), refused without looking
 *       at the password ("try again in N seconds"), never a lock and never a sleeping thread.
 *   <li><b>Per address</b> ({@code max-failed-logins-per-client}, 20 within 15 minutes, any names):
 *       slowed to one attempt per {@code client-delay} (5 s), so password spraying from one address
 *       crawls while the customers behind the same NAT still get in.
 *   <li>Neither slowdown applies to an address from which the user signed in within {@code
 *       known-address-for} (30 days): an attacker elsewhere cannot slow the real user at home or in
 *       the office.
 *   <li><b>Codes</b>: 5 wrong codes end a pending sign-in; 10 wrong codes of one user (only someone
 *       with the password can make them) lock the codes for 24 hours. Only a sign-in that passed a
 *       code forgets them.
 *   <li>A user with a second factor passes a lock of name and address with the right password and a
 *       code in one go (slowed like any attempt, so even that cannot be hammered).
 * </ul>
 *
 * <p>Names that do not exist are counted like real ones, under a hash slot of the name (16 bits of
 * SHA-256): the answers never tell whether a user exists, on one node or many, and no row is kept
 * per made-up name beyond the window. Attempts are recorded for existing users only; all of it
 * feeds the node's {@link SignInAlarm}.
 */
@Service
class LoginProtection {

  /** Why an attempt was refused before its credential was looked at, and until when. */
  record Refusal(boolean locked, Instant until) {

    long secondsLeft(Instant now) {
      return Math.max(1, (Duration.between(now, until).toMillis() + 999) / 1000);
    }
  }

  /** A password attempt that was counted (or refused) before its check. */
  record PasswordTicket(
      String username,
      boolean known,
      String clientIp,
      boolean bypassingLock,
      List<Reservation> held,
      Refusal refusal) {

    boolean refused() {
      return refusal != null;
    }
  }

  /** A code attempt counted before its check. */
  record CodeTicket(
      String username,
      Reservation signIn,
      Reservation codes,
      boolean signInEnded,
      Refusal refusal) {

    boolean refused() {
      return refusal != null;
    }
  }

  /** What a failure led to: the name locked on this address (or the codes locked). */
  record Failure(boolean locked, boolean signInEnded, boolean clientSlowed) {}

  /** Failed attempts on a user's account between their previous sign-in and this one. */
  record FailuresSince(int count, Instant lastAt, String lastFrom) implements Serializable {

    @Serial private static final long serialVersionUID = 1L;

    /** The session attribute the notice waits in until the user dismisses it. */
    static final String ATTRIBUTE = FailuresSince.class.getName();
  }

  private final LoginCounters counters;
  private final LoginAttemptRepository attempts;
  private final LoginProtectionProperties limits;
  private final SignInAlarm alarm;
  private final Clock clock;

  LoginProtection(
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
   * Counts a password attempt before its check, on the counters of the name on this address, the
   * name everywhere and the address. {@code codeOffered}: the login form brought a second-factor
   * code, so a lock of the name on this address does not refuse it (the slowdowns still do).
   */
  PasswordTicket passwordAttempt(
      String username, boolean known, String clientIp, boolean codeOffered) {
    Instant now = clock.instant();
    String client = ClientAddresses.key(clientIp);
    String name = nameKey(username, known);
    String shown = known ? username : null;
    List<Reservation> held = new ArrayList<>();
    Reservation here =
        counters.reserve(
            Counter.of(Kind.USER_ADDRESS, shown, client, name, client),
            limits.maxFailedLogins(),
            limits.failureWindow(),
            lockSteps(),
            now);
    boolean bypassing = false;
    if (!here.granted()) {
      if (!codeOffered) {
        alarm.refused();
        return new PasswordTicket(
            username, known, clientIp, false, held, new Refusal(true, here.blockedUntil()));
      }
      bypassing = true;
    } else {
      held.add(here);
    }
    if (bypassing || !known || !knownAddress(username, client, now)) {
      Reservation user =
          counters.reserve(
              Counter.of(Kind.USER, shown, null, name),
              limits.maxFailedLoginsPerUser(),
              limits.failureWindow(),
              List.of(limits.userDelay()),
              now);
      if (!user.granted()) {
        return slowed(username, known, clientIp, held, user);
      }
      held.add(user);
      Reservation address =
          counters.reserve(
              Counter.of(Kind.CLIENT, null, client, client),
              limits.maxFailedLoginsPerClient(),
              limits.clientWindow(),
              List.of(limits.clientDelay()),
              now);
      if (!address.granted()) {
        return slowed(username, known, clientIp, held, address);
      }
      held.add(address);
    }
    return new PasswordTicket(username, known, clientIp, bypassing, List.copyOf(held), null);
  }

  private PasswordTicket slowed(
      String username, boolean known, String clientIp, List<Reservation> held, Reservation by) {
    held.forEach(this::release);
    alarm.refused();
    return new PasswordTicket(
        username, known, clientIp, false, List.of(), new Refusal(false, by.blockedUntil()));
  }

  /**
   * The outcome of a signed-in user's current-password check and, unless it was right, the words
   * for the form: a message key and its one argument (null for a plain wrong password).
   */
  record Checked(boolean right, String messageKey, Object messageArgument) {

    static final Checked RIGHT = new Checked(true, null, null);
    static final Checked WRONG = new Checked(false, "password.error.current", null);

    /** The argument as {@code Errors.rejectValue} takes it: null when there is none. */
    Object[] messageArguments() {
      return messageArgument == null ? null : new Object[] {messageArgument};
    }
  }

  /**
   * A signed-in user's current password (a password change, new recovery codes), checked inside the
   * same throttle and counters as a sign-in from this address: a stolen session cookie gets no more
   * guesses than the login form gives.
   */
  Checked currentPassword(String username, String clientIp, BooleanSupplier matches) {
    PasswordTicket ticket = passwordAttempt(username, true, clientIp, false);
    if (ticket.refused()) {
      long seconds = ticket.refusal().secondsLeft(clock.instant());
      return ticket.refusal().locked()
          ? new Checked(false, "password.error.locked", (seconds + 59) / 60)
          : new Checked(false, "password.error.slow", seconds);
    }
    if (matches.getAsBoolean()) {
      passwordRight(ticket);
      return Checked.RIGHT;
    }
    passwordFailed(ticket);
    return Checked.WRONG;
  }

  /** A wrong password: it stays counted. Recorded for existing users. */
  Failure passwordFailed(PasswordTicket ticket) {
    Instant now = clock.instant();
    alarm.wrongPassword(ticket.known());
    boolean locked =
        ticket.held().stream()
            .anyMatch(r -> r.counter().kind() == Kind.USER_ADDRESS && r.blocksAt(now));
    // The failure that began the address's slowdown (not each one let through after it).
    boolean clientSlowed =
        ticket.held().stream()
            .anyMatch(
                r ->
                    r.counter().kind() == Kind.CLIENT
                        && r.attempts() == limits.maxFailedLoginsPerClient());
    if (ticket.known()) {
      attempts.save(
          new LoginAttempt(
              ticket.username(),
              locked ? LoginOutcome.LOCKED : LoginOutcome.BAD_CREDENTIALS,
              ticket.clientIp(),
              now));
    }
    return new Failure(locked, false, clientSlowed);
  }

  /** The right password: its attempt was no failure and is given back. */
  void passwordRight(PasswordTicket ticket) {
    ticket.held().forEach(this::release);
  }

  /**
   * Counts a second-factor code before its check: on the pending sign-in ({@code signInId}, null
   * for a code typed with the password) and on the user's codes.
   */
  CodeTicket codeAttempt(String username, String signInId) {
    Instant now = clock.instant();
    Reservation signIn = null;
    if (signInId != null) {
      signIn =
          counters.reserve(
              Counter.of(Kind.SIGN_IN, username, null, signInId),
              SecondFactorSignInController.WRONG_CODES_PER_SIGN_IN,
              limits.failureWindow(),
              List.of(limits.failureWindow()),
              now);
      if (!signIn.granted()) {
        alarm.refused();
        return new CodeTicket(
            username, null, null, true, new Refusal(false, signIn.blockedUntil()));
      }
    }
    Reservation codes =
        counters.reserve(
            Counter.of(Kind.CODES, username, null, username),
            limits.maxFailedCodes(),
            limits.failureWindow(),
            List.of(limits.maxLockoutDuration()),
            now);
    if (!codes.granted()) {
      if (signIn != null) {
        release(signIn);
      }
      alarm.refused();
      return new CodeTicket(username, null, null, false, new Refusal(true, codes.blockedUntil()));
    }
    return new CodeTicket(username, signIn, codes, false, null);
  }

  /** A wrong code: it stays counted. */
  Failure codeFailed(CodeTicket ticket, String clientIp) {
    Instant now = clock.instant();
    alarm.wrongCode();
    attempts.save(new LoginAttempt(ticket.username(), LoginOutcome.BAD_CODE, clientIp, now));
    return new Failure(
        ticket.codes().blocksAt(now),
        ticket.signIn() != null && ticket.signIn().blocksAt(now),
        false);
  }

  /** A right code whose sign-in could not complete (disabled meanwhile): no failure either. */
  void codeRight(CodeTicket ticket) {
    if (ticket.signIn() != null) {
      release(ticket.signIn());
    }
    release(ticket.codes());
  }

  /** Whether second-factor codes of this user are refused now (too many wrong ones). */
  boolean codesLocked(String username) {
    return counters
        .blockedUntil(Counter.of(Kind.CODES, username, null, username), clock.instant())
        .isPresent();
  }

  /**
   * A completed sign-in: the name's failures on this address are forgotten, the address becomes the
   * user's own for a while, and, only when a code was passed, the wrong codes are forgotten.
   */
  void signedIn(String username, String clientIp, boolean passedCode, String signInId) {
    Instant now = clock.instant();
    String client = ClientAddresses.key(clientIp);
    counters.clear(Counter.of(Kind.USER_ADDRESS, username, client, username, client));
    if (passedCode) {
      counters.clear(Counter.of(Kind.CODES, username, null, username));
    }
    if (signInId != null) {
      counters.clear(Counter.of(Kind.SIGN_IN, username, null, signInId));
    }
    counters.touch(Counter.of(Kind.KNOWN, username, client, username, client), now);
    attempts.save(new LoginAttempt(username, LoginOutcome.SUCCESS, clientIp, now));
  }

  /**
   * Records an attempt of an existing user refused after the right password (disabled, expired,
   * waiting for its code, or a lock the password alone does not pass).
   */
  void recordRefused(String username, String clientIp, LoginOutcome outcome) {
    attempts.save(new LoginAttempt(username, outcome, clientIp, clock.instant()));
  }

  /**
   * The failed attempts on the user's account after their sign-in before the latest (the one just
   * recorded), if any: what the page after a sign-in tells them.
   */
  Optional<FailuresSince> failuresBeforeLatestSignIn(String username) {
    List<LoginAttempt> successes =
        attempts.findByUsernameAndOutcomeOrderByIdDesc(username, LoginOutcome.SUCCESS, Limit.of(2));
    if (successes.isEmpty()) {
      return Optional.empty();
    }
    long after = successes.size() > 1 ? successes.get(1).getId() : 0L;
    long before = successes.get(0).getId();
    List<LoginOutcome> failed =
        List.of(LoginOutcome.BAD_CREDENTIALS, LoginOutcome.LOCKED, LoginOutcome.BAD_CODE);
    long count = attempts.countFailuresBetween(username, failed, after, before);
    if (count == 0) {
      return Optional.empty();
    }
    LoginAttempt last =
        attempts.findFailuresBetween(username, failed, after, before, Limit.of(1)).get(0);
    return Optional.of(new FailuresSince((int) count, last.getAttemptedAt(), last.getClientIp()));
  }

  /** Lifts every lock and slowdown of the user name (an administrator's decision). */
  void unlock(String username) {
    counters.clearUser(username, List.of(Kind.USER_ADDRESS, Kind.USER, Kind.CODES));
  }

  /** Lifts the slowdown of an address (its key as {@link #blockedNow()} shows it). */
  void unblock(String client) {
    counters.clear(Counter.of(Kind.CLIENT, null, client, client));
  }

  /** User names locked now on some address, or whose codes are locked. */
  List<LoginRecords.Lock> lockedNow() {
    return counters.blocked(List.of(Kind.USER_ADDRESS, Kind.CODES), clock.instant()).stream()
        .filter(row -> row.username() != null)
        .map(
            row ->
                new LoginRecords.Lock(
                    row.username(),
                    row.kind() == Kind.CODES ? null : row.client(),
                    row.blockedUntil()))
        .toList();
  }

  /** Addresses slowed now. */
  List<LoginRecords.Block> blockedNow() {
    return counters.blocked(List.of(Kind.CLIENT), clock.instant()).stream()
        .map(row -> new LoginRecords.Block(row.client(), row.attempts(), row.blockedUntil()))
        .toList();
  }

  /** Deletes what no longer counts: quiet counters and attempts older than kept. The counts. */
  int[] cleanUp() {
    Instant now = clock.instant();
    Instant quietDay = now.minus(limits.failureWindow());
    int users = 0;
    for (Kind kind : List.of(Kind.USER_ADDRESS, Kind.USER, Kind.CODES, Kind.SIGN_IN)) {
      users += counters.deleteQuiet(kind, quietDay, now);
    }
    users += counters.deleteQuiet(Kind.KNOWN, now.minus(limits.knownAddressFor()), now);
    int addresses = counters.deleteQuiet(Kind.CLIENT, now.minus(limits.clientWindow()), now);
    int old = attempts.deleteOlderThan(now.minus(limits.loginRecordsKept()));
    return new int[] {users, addresses, old};
  }

  private boolean knownAddress(String username, String client, Instant now) {
    return counters
        .lastAt(Counter.of(Kind.KNOWN, username, client, username, client))
        .filter(at -> at.plus(limits.knownAddressFor()).isAfter(now))
        .isPresent();
  }

  private void release(Reservation reservation) {
    int max =
        switch (reservation.counter().kind()) {
          case USER_ADDRESS -> limits.maxFailedLogins();
          case USER -> limits.maxFailedLoginsPerUser();
          case CLIENT -> limits.maxFailedLoginsPerClient();
          case CODES -> limits.maxFailedCodes();
          case SIGN_IN -> SecondFactorSignInController.WRONG_CODES_PER_SIGN_IN;
          case KNOWN -> Integer.MAX_VALUE;
        };
    counters.release(reservation.counter(), max);
  }

  /** The locks of the name on one address: base, twice base, … up to the longest. */
  List<Duration> lockSteps() {
    List<Duration> steps = new ArrayList<>();
    Duration lock = limits.lockoutDuration();
    while (lock.compareTo(limits.maxLockoutDuration()) < 0 && steps.size() < 30) {
      steps.add(lock);
      lock = lock.multipliedBy(2);
    }
    steps.add(limits.maxLockoutDuration());
    return steps;
  }

  /**
   * The key a user name is counted under: an existing user's own name; for a name that does not
   * exist, one of 65,536 slots of its hash, so that nothing an attacker types (a password typed as
   * a name, say) is stored, and made-up names make a bounded number of rows.
   */
  static String nameKey(String username, boolean known) {
    if (known) {
      return username;
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(("login-name\0" + username).getBytes(StandardCharsets.UTF_8));
      return "#" + HexFormat.of().formatHex(hash, 0, 2);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
