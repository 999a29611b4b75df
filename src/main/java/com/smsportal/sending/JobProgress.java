package com.smsportal.sending;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A job's {@link JobPhase} and the counts its page shows, derived from what is stored (its chunks,
 * its numbers' states and their status reports), at an instant.
 *
 * @param lastSubmitAt when the gateway last accepted one of its chunks, or null
 * @param waitUntil how long the portal waits for the last status report: a day after the last
 *     submit (null while nothing was submitted)
 * @param handed numbers that left the queue (submitted, or with any other outcome)
 * @param submitted numbers the gateway accepted (reported or not)
 * @param awaiting submitted numbers still without a report (while it waits for them)
 * @param unknown numbers whose outcome is unknown: no answer from the gateway, or, once it stopped
 *     waiting, no report
 * @param notSent numbers that never went out: refused by the gateway, cancelled or opted out
 */
public record JobProgress(
    JobPhase phase,
    Instant sendTime,
    Instant lastSubmitAt,
    Instant waitUntil,
    long numbers,
    long handed,
    long submitted,
    long delivered,
    long failed,
    long awaiting,
    long unknown,
    long notSent) {

  /** How long after its last submit a job waits for status reports before it is finished. */
  public static final Duration RECEIPT_WAIT = Duration.ofDays(1);

  /** The job's phase and counts at {@code now}; its chunks must be read with it. */
  public static JobProgress of(JobView job, Instant now) {
    boolean queued =
        job.chunks().isEmpty()
            ? job.count(NumberState.QUEUED) > 0
            : job.chunksIn(ChunkState.QUEUED) + job.chunksIn(ChunkState.SUBMITTING) > 0;
    Instant lastSubmit =
        job.chunks().stream()
            .filter(c -> c.state() == ChunkState.SUBMITTED)
            .map(ChunkView::answeredAt)
            .filter(Objects::nonNull)
            .max(Instant::compareTo)
            .orElse(job.chunks().isEmpty() && !queued ? job.createdAt() : null);
    Instant waitUntil = lastSubmit == null ? null : lastSubmit.plus(RECEIPT_WAIT);
    long reportless = job.count(NumberState.SUBMITTED);
    long delivered = job.count(NumberState.DELIVERED);
    long failed = job.count(NumberState.FAILED);
    long submitted = reportless + delivered + failed;
    long notSent =
        job.count(NumberState.REJECTED)
            + job.count(NumberState.CANCELLED)
            + job.count(NumberState.OPTED_OUT);
    JobPhase phase;
    if (queued && job.state() != JobState.CANCELLED) {
      boolean untouched = job.chunks().stream().allMatch(c -> c.state() == ChunkState.QUEUED);
      phase =
          untouched && job.handled() == 0 && job.sendTime() != null && job.sendTime().isAfter(now)
              ? JobPhase.SCHEDULED
              : JobPhase.SENDING;
    } else if (job.state() == JobState.CANCELLED
        && submitted == 0
        && job.count(NumberState.UNKNOWN) == 0) {
      phase = JobPhase.CANCELLED;
    } else if (reportless > 0 && waitUntil != null && now.isBefore(waitUntil)) {
      phase = JobPhase.AWAITING_RECEIPTS;
    } else {
      phase = JobPhase.FINISHED;
    }
    boolean waiting = phase == JobPhase.SENDING || phase == JobPhase.AWAITING_RECEIPTS;
    return new JobProgress(
        phase,
        job.sendTime(),
        lastSubmit,
        waitUntil,
        job.numberCount(),
        job.handled(),
        submitted,
        delivered,
        failed,
        waiting ? reportless : 0,
        job.count(NumberState.UNKNOWN) + (waiting ? 0 : reportless),
        notSent);
  }

  /** Whether the page keeps refreshing: something may still change without a person's action. */
  public boolean live() {
    return phase == JobPhase.SCHEDULED
        || phase == JobPhase.SENDING
        || phase == JobPhase.AWAITING_RECEIPTS;
  }

  /** Numbers with a status report. */
  public long reported() {
    return delivered + failed;
  }

  /** What the progress bar measures in this phase: numbers submitted, then numbers reported. */
  public long barValue() {
    return switch (phase) {
      case SCHEDULED, CANCELLED -> 0;
      case SENDING -> handed;
      case AWAITING_RECEIPTS -> reported();
      case FINISHED -> barMax();
    };
  }

  public long barMax() {
    return phase == JobPhase.AWAITING_RECEIPTS ? submitted : numbers;
  }
}
