package com.smsportal.user;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Records every login attempt and locks a user name after too many failures in a row. */
@Service
class LoginProtection {

  private final LoginThrottleRepository throttles;
  private final LoginAttemptRepository attempts;
  private final LoginProtectionProperties properties;
  private final Clock clock;

  LoginProtection(
      LoginThrottleRepository throttles,
      LoginAttemptRepository attempts,
      LoginProtectionProperties properties,
      Clock clock) {
    this.throttles = throttles;
    this.attempts = attempts;
    this.properties = properties;
    this.clock = clock;
  }

  /** The end of the lock on this user name, if it is locked now. */
  @Transactional(readOnly = true)
  public Optional<Instant> lockedUntil(String username) {
    Instant now = clock.instant();
    return throttles
        .findById(username)
        .filter(t -> t.lockedAt(now))
        .map(LoginThrottle::getLockedUntil);
  }

  /** Records a failed password; returns true when this failure locked the user name. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public boolean recordFailure(String username, String clientIp) {
    Instant now = clock.instant();
    LoginThrottle throttle = lockedThrottle(username);
    boolean locked = throttle.fail(now, properties.maxFailedLogins(), properties.lockoutDuration());
    attempts.save(
        new LoginAttempt(
            username, locked ? LoginOutcome.LOCKED : LoginOutcome.BAD_CREDENTIALS, clientIp, now));
    return locked;
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void recordSuccess(String username, String clientIp) {
    throttles.findForUpdate(username).ifPresent(LoginThrottle::clear);
    attempts.save(new LoginAttempt(username, LoginOutcome.SUCCESS, clientIp, clock.instant()));
  }

  /** Records an attempt refused without counting it as a failure (already locked, disabled). */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void recordRefused(String username, String clientIp, LoginOutcome outcome) {
    attempts.save(new LoginAttempt(username, outcome, clientIp, clock.instant()));
  }

  @Transactional
  public void unlock(String username) {
    throttles.findForUpdate(username).ifPresent(LoginThrottle::clear);
  }

  @Transactional(readOnly = true)
  public List<LoginThrottle> lockedNow() {
    return throttles.findByLockedUntilAfterOrderByLockedUntilDesc(clock.instant());
  }

  private LoginThrottle lockedThrottle(String username) {
    // Two first failures of a new name at once: one insert fails on the primary key and its
    // transaction rolls back; the caller retries, and the retry finds the row.
    return throttles
        .findForUpdate(username)
        .orElseGet(() -> throttles.saveAndFlush(new LoginThrottle(username)));
  }
}
