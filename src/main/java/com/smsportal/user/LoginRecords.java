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

  public record Lock(String username, Instant lockedUntil) {

    /** The later of the password lock and the code lock. */
    static Lock of(LoginThrottle throttle) {
      Instant password = throttle.getLockedUntil();
      Instant codes = throttle.getCodesLockedUntil();
      Instant until =
          password == null ? codes : codes == null || password.isAfter(codes) ? password : codes;
      return new Lock(throttle.getUsername(), until);
    }
  }

  /** A client address blocked for too many failed logins. */
  public record Block(String client, int failedCount, Instant blockedUntil) {

    static Block of(ClientThrottle throttle) {
      return new Block(throttle.getClient(), throttle.getFailedCount(), throttle.getBlockedUntil());
    }
  }
}
