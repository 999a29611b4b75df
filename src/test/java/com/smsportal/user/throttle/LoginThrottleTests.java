package com.smsportal.user.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTests {

  static final LoginProtectionProperties LIMITS =
      new LoginProtectionProperties(
          5,
          Duration.ofMinutes(15),
          Duration.ofHours(24),
          Duration.ofHours(24),
          10,
          10,
          Duration.ofSeconds(60),
          20,
          Duration.ofMinutes(15),
          Duration.ofSeconds(5),
          Duration.ofDays(30),
          100,
          Duration.ofMinutes(15),
          Duration.ofDays(90));

  @Test
  void theLockOfANameOnAnAddressGrowsWithEachFailureAfterTheFifthUpToADay() {
    assertThat(LIMITS.lockSteps())
        .startsWith(Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1))
        .contains(Duration.ofHours(2))
        .endsWith(Duration.ofHours(24))
        .allSatisfy(lock -> assertThat(lock).isLessThanOrEqualTo(Duration.ofHours(24)));
  }

  @Test
  void aMadeUpNameIsCountedUnderOneOfAFewSlotsOfItsHashNeverUnderItself() {
    String key = LoginCounter.nameKey("correct-horse-typed-as-a-name", false);
    assertThat(key).matches("#[0-9a-f]{4}").doesNotContain("horse");
    assertThat(LoginCounter.nameKey("correct-horse-typed-as-a-name", false)).isEqualTo(key);
    assertThat(LoginCounter.nameKey("acme", true)).isEqualTo("acme");
  }
}
