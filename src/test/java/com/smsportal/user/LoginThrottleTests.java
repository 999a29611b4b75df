package com.smsportal.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTests {

  static final LoginProtectionProperties LIMITS =
      new LoginProtectionProperties(
          5,
          Duration.ofMinutes(15),
          Duration.ofHours(24),
          Duration.ofHours(24),
          10,
          20,
          Duration.ofMinutes(15),
          Duration.ofMinutes(15),
          100,
          Duration.ofMinutes(15),
          Duration.ofDays(90));

  @Test
  void theLockGrowsWithEachFailureAfterTheFifthUpToADay() {
    assertThat(LoginThrottle.lockFor(4, LIMITS)).isZero();
    assertThat(LoginThrottle.lockFor(5, LIMITS)).isEqualTo(Duration.ofMinutes(15));
    assertThat(LoginThrottle.lockFor(6, LIMITS)).isEqualTo(Duration.ofMinutes(30));
    assertThat(LoginThrottle.lockFor(8, LIMITS)).isEqualTo(Duration.ofHours(2));
    assertThat(LoginThrottle.lockFor(40, LIMITS)).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void aMadeUpNameLocksLikeARealOneWithoutARowOfItsOwn() {
    UnknownNameThrottle unknown = new UnknownNameThrottle();
    LoginThrottle known = new LoginThrottle("li");
    Instant now = Instant.parse("2026-12-01T08:00:00Z");
    for (int i = 1; i <= 4; i++) {
      assertThat(unknown.fail("nobody", now, LIMITS)).isEqualTo(known.fail(now, LIMITS)).isFalse();
    }
    assertThat(unknown.fail("nobody", now, LIMITS)).isEqualTo(known.fail(now, LIMITS)).isTrue();
    assertThat(unknown.lockedUntil("nobody", now)).contains(known.getLockedUntil());
    assertThat(unknown.lockedUntil("nobody", now.plus(Duration.ofMinutes(16)))).isEmpty();
  }

  @Test
  void aQuietDayForgetsTheFailures() {
    LoginThrottle throttle = new LoginThrottle("li");
    Instant now = Instant.parse("2026-12-01T08:00:00Z");
    for (int i = 0; i < 4; i++) {
      throttle.fail(now, LIMITS);
    }
    assertThat(throttle.fail(now.plus(Duration.ofHours(25)), LIMITS)).isFalse();
    assertThat(throttle.getFailedCount()).isEqualTo(1);
  }
}
