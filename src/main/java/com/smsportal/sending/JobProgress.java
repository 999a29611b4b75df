package com.smsportal.sending;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

  /**
   * What a job's phase needs of its chunks, read from the chunks themselves or, for a list of jobs,
   * aggregated by the database (one statement for a page of jobs).
   *
   * @param none the job has no chunk
   * @param queued some chunk is queued or being submitted
   * @param untouched every chunk is still queued
   * @param lastSubmit when the gateway last accepted one of its chunks, or null
   */
  public record Chunks(boolean none, boolean queued, boolean untouched, Instant lastSubmit) {

    public static Chunks of(List<ChunkView> chunks) {
      return new Chunks(
          chunks.isEmpty(),
          chunks.stream()
              .anyMatch(c -> c.state() == ChunkState.QUEUED || c.state() == ChunkState.SUBMITTING),
          chunks.stream().allMatch(c -> c.state() == ChunkState.QUEUED),
          chunks.stream()
              .filter(c -> c.state() == ChunkState.SUBMITTED)
              .map(ChunkView::answeredAt)
              .filter(Objects::nonNull)
              .max(Instant::compareTo)
              .orElse(null));
    }
  }

  /** The job's phase and counts at {@code now}, from its chunks' summary read with it. */
  public static JobProgress of(JobView job, Instant now) {
    return of(job, job.chunkSummary().phaseChunks(), now);
  }

  /** The job's phase and counts at {@code now}, from what its chunks say. */
  public static JobProgress of(JobView job, Chunks chunks, Instant now) {
    boolean queued = chunks.none() ? job.count(NumberState.QUEUED) > 0 : chunks.queued();
    Instant lastSubmit =
        chunks.lastSubmit() != null
            ? chunks.lastSubmit()
            : chunks.none() && !queued ? job.createdAt() : null;
    Instant waitUntil = lastSubmit == null ? null : lastSubmit.plus(RECEIPT_WAIT);
    long reportless = job.count(NumberState.SUBMITTED);
    long delivered = job.count(NumberState.DELIVERED);
    long failed = job.count(NumberState.FAILED);
    long submitted = reportless + delivered + failed;
    long notSent =
        job.count(NumberState.REJECTED)
            + job.count(NumberState.CANCELLED)
            + job.count(NumberState.OPTED_OUT)
            + job.count(NumberState.LIMITED);
    JobPhase phase;
    if (queued && job.state() != JobState.CANCELLED) {
      phase =
          chunks.untouched()
                  && job.handled() == 0
                  && job.sendTime() != null
                  && job.sendTime().isAfter(now)
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
