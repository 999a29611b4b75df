package com.smsportal.user;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed logins three ways and answers whether an attempt may go ahead: per existing account
 * (a soft lock that grows, {@link LoginThrottle}), per made-up name (in memory, {@link
 * UnknownNameThrottle}) and per client address ({@link ClientThrottle}); all of them feed the
 * node's {@link SignInAlarm}. Attempts are recorded for existing users only, so what is stored
 * grows with the users and the attacking addresses, never with the names an attacker makes up.
 */
@Service
class LoginProtection {

  /** What a failure led to. */
  record Failure(boolean accountLocked, boolean clientBlocked) {}

  private final LoginThrottleRepository throttles;
  private final ClientThrottleRepository clients;
  private final LoginAttemptRepository attempts;
  private final LoginProtectionProperties limits;
  private final SignInAlarm alarm;
  private final Clock clock;
  private final UnknownNameThrottle unknownNames = new UnknownNameThrottle();

  LoginProtection(
      LoginThrottleRepository throttles,
      ClientThrottleRepository clients,
      LoginAttemptRepository attempts,
      LoginProtectionProperties limits,
      SignInAlarm alarm,
      Clock clock) {
    this.throttles = throttles;
    this.clients = clients;
    this.attempts = attempts;
    this.limits = limits;
    this.alarm = alarm;
    this.clock = clock;
  }

  /** The end of the block on this client address, if it is blocked now. */
  @Transactional(readOnly = true)
  public Optional<Instant> clientBlockedUntil(String clientIp) {
    Instant now = clock.instant();
    return clients
        .findById(ClientAddresses.key(clientIp))
        .filter(c -> c.blockedAt(now))
        .map(ClientThrottle::getBlockedUntil);
  }

  /** The end of the soft lock on this user name, if it is locked now. */
  @Transactional(readOnly = true)
  public Optional<Instant> lockedUntil(String username, boolean known) {
    Instant now = clock.instant();
    if (!known) {
      return unknownNames.lockedUntil(username, now);
    }
    return throttles
        .findById(username)
        .filter(t -> t.lockedAt(now))
        .map(LoginThrottle::getLockedUntil);
  }

  /** Whether second-factor codes of this user are refused now (too many wrong ones). */
  @Transactional(readOnly = true)
  public boolean codesLocked(String username) {
    Instant now = clock.instant();
    return throttles.findById(username).filter(t -> t.codesLockedAt(now)).isPresent();
  }

  /** Records a wrong password (or a made-up name). Concurrent first failures: retry once. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public Failure recordFailure(String username, boolean known, String clientIp) {
    Instant now = clock.instant();
    alarm.wrongPassword(known);
    boolean locked;
    if (known) {
      locked = throttle(username).fail(now, limits);
      attempts.save(
          new LoginAttempt(
              username,
              locked ? LoginOutcome.LOCKED : LoginOutcome.BAD_CREDENTIALS,
              clientIp,
              now));
    } else {
      locked = unknownNames.fail(username, now, limits);
    }
    return new Failure(locked, client(clientIp, now).fail(now, limits));
  }

  /** Records a wrong second-factor code after the right password; true when codes lock now. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public Failure recordCodeFailure(String username, String clientIp) {
    Instant now = clock.instant();
    alarm.wrongCode();
    boolean locked = throttle(username).failCode(now, limits);
    attempts.save(new LoginAttempt(username, LoginOutcome.BAD_CODE, clientIp, now));
    return new Failure(locked, client(clientIp, now).fail(now, limits));
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void recordSuccess(String username, String clientIp) {
    throttles.findForUpdate(username).ifPresent(LoginThrottle::clear);
    attempts.save(new LoginAttempt(username, LoginOutcome.SUCCESS, clientIp, clock.instant()));
  }

  /**
   * Records an attempt the throttle refused before looking at its password (a locked account, a
   * blocked address): it counts against the client, and nothing is stored per attempt, so that
   * hammering a locked account adds no rows. True when it blocks the client now.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public boolean recordThrottled(String clientIp) {
    Instant now = clock.instant();
    alarm.refused();
    ClientThrottle client = client(clientIp, now);
    return !client.blockedAt(now) && client.fail(now, limits);
  }

  /**
   * Records an attempt of an existing user refused after the right password (disabled, expired,
   * waiting for its code, or a lock the password alone does not pass).
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void recordRefused(String username, String clientIp, LoginOutcome outcome) {
    attempts.save(new LoginAttempt(username, outcome, clientIp, clock.instant()));
  }

  @Transactional
  public void unlock(String username) {
    throttles.findForUpdate(username).ifPresent(LoginThrottle::clear);
  }

  @Transactional
  public void unblock(String client) {
    clients.findById(client).ifPresent(clients::delete);
  }

  @Transactional(readOnly = true)
  public List<LoginThrottle> lockedNow() {
    return throttles.lockedAt(clock.instant());
  }

  @Transactional(readOnly = true)
  public List<ClientThrottle> blockedNow() {
    return clients.findByBlockedUntilAfterOrderByBlockedUntilDesc(clock.instant());
  }

  /** Deletes what no longer counts: quiet counters and attempts older than kept. The counts. */
  @Transactional
  public int[] cleanUp() {
    Instant now = clock.instant();
    int accounts = throttles.deleteQuiet(now.minus(limits.failureWindow()), now);
    int addresses = clients.deleteQuiet(now.minus(limits.clientWindow()), now);
    int old = attempts.deleteOlderThan(now.minus(limits.loginRecordsKept()));
    return new int[] {accounts, addresses, old};
  }

  private LoginThrottle throttle(String username) {
    return throttles
        .findForUpdate(username)
        .orElseGet(() -> throttles.saveAndFlush(new LoginThrottle(username)));
  }

  private ClientThrottle client(String clientIp, Instant now) {
    String key = ClientAddresses.key(clientIp);
    return clients
        .findForUpdate(key)
        .orElseGet(() -> clients.saveAndFlush(new ClientThrottle(key, now)));
  }
}
