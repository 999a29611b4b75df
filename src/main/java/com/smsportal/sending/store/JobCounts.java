package com.smsportal.sending.store;

import com.smsportal.sending.NumberState;
import com.smsportal.tenant.TenantContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.LongFunction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * A job's numbers per state, as its page shows them (issue 27). Counting reads the job's whole
 * range of the (job_id, state, id) index: nothing for a job of a few thousand numbers, but for a
 * job of 1,000,000 it cost every view of its page (and every poll of it, every few seconds) what a
 * thousand small pages cost. So a job of up to {@link #COUNTED_EACH_VIEW} numbers is counted at
 * each view, exactly; a larger one is counted once when first shown, then again at most every
 * {@link #FRESH} in the background while its page keeps being looked at, and a view shows the last
 * count meanwhile: the page polls every few seconds anyway, so its counts lag by no more than they
 * already did. Per node, in memory; a count is kept for ten minutes after it was made.
 */
@Component
class JobCounts {

  static final int COUNTED_EACH_VIEW = 50_000;
  static final Duration FRESH = Duration.ofSeconds(5);
  static final Duration KEPT = Duration.ofMinutes(10);

  /** A count and when it was made, of the tenant it was made for. */
  private record Counted(long tenant, Map<NumberState, Long> counts, Instant at) {}

  private final LongFunction<Map<NumberState, Long>> count;
  private final Clock clock;
  private final Executor background;
  private final Map<Long, Counted> counted = new ConcurrentHashMap<>();
  private final Set<Long> counting = ConcurrentHashMap.newKeySet();

  @Autowired
  JobCounts(SendNumberRepository numbers, Clock clock) {
    this(
        job -> {
          Map<NumberState, Long> counts = new EnumMap<>(NumberState.class);
          for (Object[] row : numbers.countByState(job)) {
            counts.put((NumberState) row[0], ((Number) row[1]).longValue());
          }
          return counts;
        },
        clock,
        Executors.newSingleThreadExecutor(
            work -> {
              Thread thread = new Thread(work, "job-counts");
              thread.setDaemon(true);
              return thread;
            }));
  }

  JobCounts(LongFunction<Map<NumberState, Long>> count, Clock clock, Executor background) {
    this.count = count;
    this.clock = clock;
    this.background = background;
  }

  /** The numbers of this job of the current tenant per state (see the class for how fresh). */
  Map<NumberState, Long> of(long jobId, int numberCount) {
    if (numberCount <= COUNTED_EACH_VIEW) {
      return count.apply(jobId);
    }
    long tenant = TenantContext.current();
    Instant now = clock.instant();
    Counted last = counted.get(jobId);
    if (last == null || last.tenant() != tenant || last.at().plus(KEPT).isBefore(now)) {
      Map<NumberState, Long> counts = count.apply(jobId);
      keep(jobId, new Counted(tenant, counts, now));
      return counts;
    }
    if (last.at().plus(FRESH).isBefore(now) && counting.add(jobId)) {
      background.execute(
          () -> {
            try {
              Instant at = clock.instant();
              keep(
                  jobId,
                  new Counted(tenant, TenantContext.callAs(tenant, () -> count.apply(jobId)), at));
            } finally {
              counting.remove(jobId);
            }
          });
    }
    return last.counts();
  }

  /**
   * The numbers per state of each of these jobs of the current tenant, as a list of jobs shows
   * them: the jobs of up to {@link #COUNTED_EACH_VIEW} numbers counted in one statement for all,
   * each larger one as {@link #of} counts it (issue 27: the job list counted every listed job's
   * numbers on every view, 1,000,000 rows for a job of 1,000,000 numbers).
   */
  Map<Long, Map<NumberState, Long>> perJob(List<SendJob> jobs, SendNumberRepository numbers) {
    Map<Long, Map<NumberState, Long>> counts = new HashMap<>();
    List<Long> small =
        jobs.stream()
            .filter(job -> job.getNumberCount() <= COUNTED_EACH_VIEW)
            .map(SendJob::getId)
            .toList();
    if (!small.isEmpty()) {
      for (Object[] row : numbers.countByJobAndState(small)) {
        counts
            .computeIfAbsent(((Number) row[0]).longValue(), id -> new EnumMap<>(NumberState.class))
            .put((NumberState) row[1], ((Number) row[2]).longValue());
      }
    }
    jobs.stream()
        .filter(job -> job.getNumberCount() > COUNTED_EACH_VIEW)
        .forEach(job -> counts.put(job.getId(), of(job.getId(), job.getNumberCount())));
    return counts;
  }

  private void keep(long jobId, Counted count) {
    counted.put(jobId, count);
    Instant stale = clock.instant().minus(KEPT);
    counted.values().removeIf(c -> c.at().isBefore(stale));
  }
}
