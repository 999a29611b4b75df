package com.smsportal.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * Failed logins of one existing user and the soft lock they led to. Unknown names get no row (see
 * {@link UnknownNameThrottle}).
 *
 * <p>The lock grows: the {@code max}-th failure in a row locks for {@code base}, each further one
 * (once the lock has passed) for twice as long as the last, up to {@code cap}. A success, or a
 * quiet {@code window} since the last failure, forgets them. The lock is soft: a user with a second
 * factor passes it with the right password and a valid code in one go.
 *
 * <p>Wrong codes typed after the right password are counted apart: only someone who knows the
 * password can make them, so after {@code maxCodes} of them the codes too are refused until the
 * lock passes or an administrator lifts it.
 */
@Entity
@Table(name = "login_throttle")
class LoginThrottle {

  @Id
  @Column(length = 64)
  private String username;

  @Column(name = "failed_count", nullable = false)
  private int failedCount;

  @Column(name = "locked_until")
  private Instant lockedUntil;

  @Column(name = "last_failure_at")
  private Instant lastFailureAt;

  @Column(name = "code_failures", nullable = false)
  private int codeFailures;

  @Column(name = "codes_locked_until")
  private Instant codesLockedUntil;

  protected LoginThrottle() {}

  LoginThrottle(String username) {
    this.username = username;
  }

  String getUsername() {
    return username;
  }

  int getFailedCount() {
    return failedCount;
  }

  Instant getLockedUntil() {
    return lockedUntil;
  }

  Instant getCodesLockedUntil() {
    return codesLockedUntil;
  }

  Instant getLastFailureAt() {
    return lastFailureAt;
  }

  boolean lockedAt(Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }

  boolean codesLockedAt(Instant now) {
    return codesLockedUntil != null && codesLockedUntil.isAfter(now);
  }

  /** Counts a wrong password; true when it locks the account. */
  boolean fail(Instant now, LoginProtectionProperties limits) {
    forgetIfQuiet(now, limits.failureWindow());
    failedCount++;
    lastFailureAt = now;
    Duration lock = lockFor(failedCount, limits);
    if (lock.isZero()) {
      return false;
    }
    lockedUntil = now.plus(lock);
    return true;
  }

  /** Counts a wrong second-factor code after a right password; true when it locks the codes. */
  boolean failCode(Instant now, LoginProtectionProperties limits) {
    forgetIfQuiet(now, limits.failureWindow());
    codeFailures++;
    lastFailureAt = now;
    if (codeFailures >= limits.maxFailedCodes()) {
      codesLockedUntil = now.plus(limits.maxLockoutDuration());
      return true;
    }
    return false;
  }

  void clear() {
    failedCount = 0;
    lockedUntil = null;
    codeFailures = 0;
    codesLockedUntil = null;
  }

  /** No failure for a whole window and no lock left: the row can go. */
  boolean forgettableAt(Instant now, Duration window) {
    return !lockedAt(now)
        && !codesLockedAt(now)
        && (lastFailureAt == null || !lastFailureAt.plus(window).isAfter(now));
  }

  private void forgetIfQuiet(Instant now, Duration window) {
    if (lastFailureAt != null && !lastFailureAt.plus(window).isAfter(now)) {
      clear();
    }
  }

  /** How long the n-th failure in a row locks: nothing before max, then base, 2 base, … cap. */
  static Duration lockFor(int failures, LoginProtectionProperties limits) {
    int beyond = failures - limits.maxFailedLogins();
    if (beyond < 0) {
      return Duration.ZERO;
    }
    Duration lock = limits.lockoutDuration();
    for (int i = 0; i < beyond && lock.compareTo(limits.maxLockoutDuration()) < 0; i++) {
      lock = lock.multipliedBy(2);
    }
    return lock.compareTo(limits.maxLockoutDuration()) > 0 ? limits.maxLockoutDuration() : lock;
  }
}
