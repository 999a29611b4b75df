package com.smsportal.user;

import java.time.Instant;

/** What the admins' login page shows: attempts and current locks, never a typed password. */
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

    static Lock of(LoginThrottle throttle) {
      return new Lock(throttle.getUsername(), throttle.getLockedUntil());
    }
  }
}
