package com.smsportal.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * Failed logins for one user name, known or not, and the lock they led to. Keyed by user name so
 * that a lockout reveals nothing about whether the user exists.
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

  boolean lockedAt(Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }

  /**
   * Counts one failure. Failures older than the lockout window, or from before an expired lock, no
   * longer count. Returns true when this failure locks the user name.
   */
  boolean fail(Instant now, int maxFailures, Duration lockout) {
    boolean stale = lastFailureAt != null && lastFailureAt.plus(lockout).isBefore(now);
    boolean lockExpired = lockedUntil != null && !lockedUntil.isAfter(now);
    if (stale || lockExpired) {
      failedCount = 0;
      lockedUntil = null;
    }
    failedCount++;
    lastFailureAt = now;
    if (failedCount >= maxFailures) {
      lockedUntil = now.plus(lockout);
      return true;
    }
    return false;
  }

  void clear() {
    failedCount = 0;
    lockedUntil = null;
  }
}
