package com.smsportal.user.throttle;

import com.smsportal.user.throttle.LoginCounter.Kind;
import com.smsportal.user.throttle.LoginCounters.Reservation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Brute-force protection of every password and code check (the login form, the code page and the
 * current-password checks of a signed-in user), counted in the database so that every node and
 * every concurrent request shares the counts ({@link LoginCounters}); second-factor codes the same
 * way ({@link CodeProtection}).
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
@EnableConfigurationProperties(LoginProtectionProperties.class)
public class LoginProtection {

  /** Why an attempt was refused before its credential was looked at, and until when. */
  public record Refusal(boolean locked, Instant until) {

    public long secondsLeft(Instant now) {
      return Math.max(1, (Duration.between(now, until).toMillis() + 999) / 1000);
    }
  }

  /** A password attempt that was counted (or refused) before its check. */
  public record PasswordTicket(
      String username,
      boolean known,
      String clientIp,
      boolean bypassingLock,
      List<Reservation> held,
      Refusal refusal) {

    public boolean refused() {
      return refusal != null;
    }
  }

  /** What a failure led to: the name locked on this address (or the codes locked). */
  public record Failure(boolean locked, boolean signInEnded, boolean clientSlowed) {}

  /**
   * The outcome of a signed-in user's current-password check and, unless it was right, the words
   * for the form: a message key and its one argument (null for a plain wrong password).
   */
  public record Checked(boolean right, String messageKey, Object messageArgument) {

    static final Checked RIGHT = new Checked(true, null, null);
    static final Checked WRONG = new Checked(false, "password.error.current", null);

    /** The argument as {@code Errors.rejectValue} takes it: null when there is none. */
    public Object[] messageArguments() {
      return messageArgument == null ? null : new Object[] {messageArgument};
    }
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
  public PasswordTicket passwordAttempt(
      String username, boolean known, String clientIp, boolean codeOffered) {
    Instant now = clock.instant();
    String client = ClientAddresses.key(clientIp);
    String name = LoginCounter.nameKey(username, known);
    String shown = known ? username : null;
    List<Reservation> held = new ArrayList<>();
    Reservation here =
        counters.reserve(
            LoginCounter.of(Kind.USER_ADDRESS, shown, client, name, client),
            limits.maxFailedLogins(),
            limits.failureWindow(),
            limits.lockSteps(),
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
              LoginCounter.of(Kind.USER, shown, null, name),
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
              LoginCounter.of(Kind.CLIENT, null, client, client),
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
   * A signed-in user's current password (a password change, new recovery codes), checked inside the
   * same throttle and counters as a sign-in from this address: a stolen session cookie gets no more
   * guesses than the login form gives.
   */
  public Checked currentPassword(String username, String clientIp, BooleanSupplier matches) {
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
  public Failure passwordFailed(PasswordTicket ticket) {
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
  public void passwordRight(PasswordTicket ticket) {
    ticket.held().forEach(this::release);
  }

  /**
   * A completed sign-in: the name's failures on this address are forgotten, the address becomes the
   * user's own for a while, and, only when a code was passed, the wrong codes are forgotten.
   */
  public void signedIn(String username, String clientIp, boolean passedCode, String signInId) {
    Instant now = clock.instant();
    String client = ClientAddresses.key(clientIp);
    counters.clear(LoginCounter.of(Kind.USER_ADDRESS, username, client, username, client));
    if (passedCode) {
      counters.clear(LoginCounter.of(Kind.CODES, username, null, username));
    }
    if (signInId != null) {
      counters.clear(LoginCounter.of(Kind.SIGN_IN, username, null, signInId));
    }
    counters.touch(LoginCounter.of(Kind.KNOWN, username, client, username, client), now);
    attempts.save(new LoginAttempt(username, LoginOutcome.SUCCESS, clientIp, now));
  }

  /**
   * Records an attempt of an existing user refused after the right password (disabled, expired,
   * waiting for its code, or a lock the password alone does not pass).
   */
  public void recordRefused(String username, String clientIp, LoginOutcome outcome) {
    attempts.save(new LoginAttempt(username, outcome, clientIp, clock.instant()));
  }

  /** Until when this address is slowed by its failures (passwords and API keys), if it is now. */
  public Optional<Instant> clientSlowedUntil(String clientIp) {
    return counters.blockedUntil(clientCounter(clientIp), clock.instant());
  }

  /**
   * Counts a credential without a user name that failed (an API key, issue 25) on the address's
   * counter, the one every failed sign-in from there counts on; until when the address is now
   * slowed, if it is.
   */
  public Optional<Instant> clientFailed(String clientIp) {
    Instant now = clock.instant();
    Reservation counted =
        counters.reserve(
            clientCounter(clientIp),
            limits.maxFailedLoginsPerClient(),
            limits.clientWindow(),
            List.of(limits.clientDelay()),
            now);
    return counted.blocksAt(now) ? Optional.of(counted.blockedUntil()) : Optional.empty();
  }

  private static LoginCounter clientCounter(String clientIp) {
    String client = ClientAddresses.key(clientIp);
    return LoginCounter.of(Kind.CLIENT, null, client, client);
  }

  private boolean knownAddress(String username, String client, Instant now) {
    return counters
        .lastAt(LoginCounter.of(Kind.KNOWN, username, client, username, client))
        .filter(at -> at.plus(limits.knownAddressFor()).isAfter(now))
        .isPresent();
  }

  private void release(Reservation reservation) {
    counters.release(reservation.counter(), limits.maxAttempts(reservation.counter().kind()));
  }
}
