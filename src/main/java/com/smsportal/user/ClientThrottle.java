package com.smsportal.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Failed logins from one client (an IPv4 address or an IPv6 /64), whatever names they tried: what
 * slows password spraying over many user names. Deleted once its window has passed.
 */
@Entity
@Table(name = "login_client_throttle")
class ClientThrottle {

  @Id
  @Column(length = 64)
  private String client;

  @Column(name = "failed_count", nullable = false)
  private int failedCount;

  @Column(name = "window_start", nullable = false)
  private Instant windowStart;

  @Column(name = "blocked_until")
  private Instant blockedUntil;

  @Column(name = "last_failure_at", nullable = false)
  private Instant lastFailureAt;

  protected ClientThrottle() {}

  ClientThrottle(String client, Instant now) {
    this.client = client;
    this.windowStart = now;
    this.lastFailureAt = now;
  }

  String getClient() {
    return client;
  }

  int getFailedCount() {
    return failedCount;
  }

  Instant getBlockedUntil() {
    return blockedUntil;
  }

  boolean blockedAt(Instant now) {
    return blockedUntil != null && blockedUntil.isAfter(now);
  }

  /** Counts a failure; true when it blocks the client. */
  boolean fail(Instant now, LoginProtectionProperties limits) {
    if (!windowStart.plus(limits.clientWindow()).isAfter(now) && !blockedAt(now)) {
      windowStart = now;
      failedCount = 0;
    }
    failedCount++;
    lastFailureAt = now;
    if (failedCount >= limits.maxFailedLoginsPerClient() && !blockedAt(now)) {
      blockedUntil = now.plus(limits.clientBlockDuration());
      return true;
    }
    return false;
  }
}
