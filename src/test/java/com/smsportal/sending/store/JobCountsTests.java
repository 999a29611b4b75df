package com.smsportal.sending.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.MutableClock;
import com.smsportal.sending.NumberState;
import com.smsportal.tenant.TenantContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class JobCountsTests {

  final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
  final AtomicLong delivered = new AtomicLong();
  final AtomicLong counted = new AtomicLong();
  final Queue<Runnable> background = new ArrayDeque<>();
  final JobCounts counts =
      new JobCounts(
          job -> {
            counted.incrementAndGet();
            return Map.of(NumberState.DELIVERED, delivered.get());
          },
          clock,
          background::add);

  @Test
  void aSmallJobIsCountedExactlyAtEachView() {
    delivered.set(5);
    assertThat(view(1, 10_000)).isEqualTo(5);
    delivered.set(6);
    assertThat(view(1, 10_000)).isEqualTo(6);
    assertThat(counted).hasValue(2);
    assertThat(background).isEmpty();
  }

  @Test
  void aLargeJobShowsItsLastCountAndIsCountedAgainInTheBackgroundOnceItIsOlderThanFiveSeconds() {
    int numbers = JobCounts.COUNTED_EACH_VIEW + 1;
    delivered.set(100);
    assertThat(view(2, numbers)).as("counted when first shown").isEqualTo(100);
    delivered.set(200);
    clock.advance(Duration.ofSeconds(4));
    assertThat(view(2, numbers)).as("fresh: no count").isEqualTo(100);
    assertThat(counted).hasValue(1);
    assertThat(background).isEmpty();

    clock.advance(Duration.ofSeconds(2));
    assertThat(view(2, numbers)).as("stale: the last count, a new one asked").isEqualTo(100);
    assertThat(view(2, numbers)).as("one count at a time").isEqualTo(100);
    assertThat(background).hasSize(1);
    background.poll().run();
    assertThat(view(2, numbers)).isEqualTo(200);
    assertThat(counted).hasValue(2);

    assertThat(TenantContext.callAs(8L, () -> counts.of(2, numbers).get(NumberState.DELIVERED)))
        .as("another tenant's view never gets this tenant's count")
        .isEqualTo(200);
    assertThat(counted).hasValue(3);
  }

  @Test
  void aListCountsItsSmallJobsInOneStatementAndItsLargeJobsOnlyWhenTheirCountIsStale() {
    SendNumberRepository numbers = org.mockito.Mockito.mock(SendNumberRepository.class);
    org.mockito.Mockito.when(numbers.countByJobAndState(java.util.List.of(1L)))
        .thenReturn(java.util.List.<Object[]>of(new Object[] {1L, NumberState.FAILED, 3L}));
    java.util.List<SendJob> listed =
        java.util.List.of(job(1, 10), job(2, JobCounts.COUNTED_EACH_VIEW + 1));
    delivered.set(100);
    for (int view = 0; view < 3; view++) {
      Map<Long, Map<NumberState, Long>> perJob =
          TenantContext.callAs(7L, () -> counts.perJob(listed, numbers));
      assertThat(perJob.get(1L)).isEqualTo(Map.of(NumberState.FAILED, 3L));
      assertThat(perJob.get(2L)).isEqualTo(Map.of(NumberState.DELIVERED, 100L));
    }
    assertThat(counted).as("the large job counted once in three views").hasValue(1);
    org.mockito.Mockito.verify(numbers, org.mockito.Mockito.times(3))
        .countByJobAndState(java.util.List.of(1L));
  }

  private static SendJob job(long id, int numbers) {
    SendJob job =
        new SendJob(7L, 1L, "k" + id, "text", null, "", numbers, 1, 1, Instant.EPOCH, "x", false);
    org.springframework.test.util.ReflectionTestUtils.setField(job, "id", id);
    return job;
  }

  private long view(long job, int numbers) {
    return TenantContext.callAs(7L, () -> counts.of(job, numbers).get(NumberState.DELIVERED));
  }
}
