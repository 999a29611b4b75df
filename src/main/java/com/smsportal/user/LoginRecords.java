package com.smsportal.user;

import java.time.Instant;

/** What the admins' login page shows: attempts, locks and blocks, never a typed password. */
public final class LoginRecords {

  private LoginRecords() {}

  public record Attempt(
      long id, String username, LoginOutcome outcome, String clientIp, Instant attemptedAt) {

    static Attempt of(LoginAttempt attempt) {
      return new Attempt(
          attempt.getId(),
          attempt.getUsername(),
          attempt.getOutcome(),
          attempt.getClientIp(),
          attempt.getAttemptedAt());
    }
  }

  /**
   * A user name locked on one address ({@code client}), or whose second-factor codes are locked
   * ({@code client} null).
   */
  public record Lock(String username, String client, Instant lockedUntil) {}

  /** A client address blocked for too many failed logins. */
  public record Block(String client, int failedCount, Instant blockedUntil) {}
}
