package com.smsportal.sending.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class SubmitGuardsTests {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  private SubmitGuards guards(int perSecond) {
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    beans.addBean("meters", meters);
    return new SubmitGuards(
        perSecond,
        Duration.ZERO,
        beans.getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class));
  }

  @Test
  void anAccountGetsItsFewSubmitsASecondAndAnotherAccountHasItsOwn() {
    SubmitGuards guards = guards(3);

    for (int i = 0; i < 3; i++) {
      assertThat(guards.awaitRate(1)).isTrue();
    }

    assertThat(guards.awaitRate(1)).as("the fourth within the second").isFalse();
    assertThat(guards.awaitRate(2)).as("another account's budget").isTrue();
  }

  @Test
  void anAccountHasOneSubmitAtATime() {
    SubmitGuards guards = guards(5);

    assertThat(guards.oneAtATime(1).tryAcquirePermission()).isTrue();
    assertThat(guards.oneAtATime(1).tryAcquirePermission()).isFalse();
    assertThat(guards.oneAtATime(2).tryAcquirePermission()).isTrue();
    guards.oneAtATime(1).onComplete();
    assertThat(guards.oneAtATime(1).tryAcquirePermission()).isTrue();
  }

  @Test
  void theirStateIsAMetric() {
    SubmitGuards guards = guards(5);
    guards.awaitRate(7);
    guards.oneAtATime(7).tryAcquirePermission();

    assertThat(
            meters
                .find("resilience4j.ratelimiter.available.permissions")
                .tag("name", "account-7")
                .gauge())
        .isNotNull();
    assertThat(
            meters
                .find("resilience4j.bulkhead.available.concurrent.calls")
                .tag("name", "account-7")
                .gauge()
                .value())
        .isZero();
  }
}
