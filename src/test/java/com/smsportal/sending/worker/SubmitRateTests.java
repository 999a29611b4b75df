package com.smsportal.sending.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SubmitRateTests {

  @Test
  void theSubmitAfterTheAllowedFewWaitsUntilASecondHasPassed() throws Exception {
    SubmitRate rate = new SubmitRate(3);
    long start = System.nanoTime();

    for (int i = 0; i < 3; i++) {
      rate.acquire(1);
    }
    long firstThree = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    rate.acquire(2); // another account has its own budget
    long otherAccount = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    rate.acquire(1);
    long fourth = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertThat(firstThree).isLessThan(500);
    assertThat(otherAccount).isLessThan(500);
    assertThat(fourth).isGreaterThanOrEqualTo(990);
  }
}
