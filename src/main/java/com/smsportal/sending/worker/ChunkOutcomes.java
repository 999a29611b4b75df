package com.smsportal.sending.worker;

import com.smsportal.gateway.GatewayError;
import com.smsportal.gateway.GatewayException;
import com.smsportal.gateway.SendResult;
import com.smsportal.sending.ChunkState;
import com.smsportal.sending.JobFinished;
import com.smsportal.sending.JobState;
import com.smsportal.sending.NumberState;
import com.smsportal.sending.store.SendChunk;
import com.smsportal.sending.store.SendChunkRepository;
import com.smsportal.sending.store.SendDays;
import com.smsportal.sending.store.SendJobRepository;
import com.smsportal.sending.store.SendNumberRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records what became of a chunk, each in a new transaction: put off while its account or tenant
 * cannot send; and once claimed, the outcome of its call, only if the chunk is still at that
 * attempt: SUBMITTED with the gateway's task id; REJECTED when the gateway refused it; UNKNOWN when
 * the call may have reached the gateway without an answer (only a person may resend it); QUEUED
 * again only when the call provably never left. Its numbers follow the chunk, and the job is
 * FINISHED once none of its chunks waits.
 */
@Component
class ChunkOutcomes {

  private static final Logger log = LoggerFactory.getLogger(ChunkOutcomes.class);

  private final SendJobRepository jobs;
  private final SendChunkRepository chunks;
  private final SendNumberRepository numbers;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final Duration retryAfter;
  private final ApplicationEventPublisher events;
  private final SendDays sendDays;

  ChunkOutcomes(
      SendJobRepository jobs,
      SendChunkRepository chunks,
      SendNumberRepository numbers,
      TransactionTemplate tx,
      Clock clock,
      SendingProperties properties,
      ApplicationEventPublisher events,
      SendDays sendDays) {
    this.events = events;
    this.sendDays = sendDays;
    this.jobs = jobs;
    this.chunks = chunks;
    this.numbers = numbers;
    this.tx = tx;
    this.clock = clock;
    this.retryAfter = properties.retryAfter();
  }

  /**
   * The chunk cannot be submitted now (account or tenant not ready): it waits {@code retry-after}.
   */
  void postponed(DueChunk due, String reason) {
    tx.executeWithoutResult(
        s -> chunks.postpone(due.chunkId(), now().plus(retryAfter), "waiting: " + reason));
    log.info("Send chunk {} of job {} waits: {}", due.chunkId(), due.jobId(), reason);
  }

  /** The gateway took the chunk. */
  void submitted(DueChunk due, int attempt, SendResult result) {
    record(
        due,
        attempt,
        chunk ->
            chunk.submitted(
                result.taskId(),
                result.successCounts(),
                result.remainPoint(),
                result.rawAnswer(),
                now()));
    log.info(
        "Send chunk {} of job {} submitted: taskID {}, {} accepted",
        due.chunkId(),
        due.jobId(),
        result.taskId(),
        result.successCounts());
  }

  /** The call failed in a way nobody foresaw: nobody can say how far it got. */
  void unexpected(DueChunk due, int attempt, RuntimeException e) {
    log.error("Submit of send chunk {} failed unexpectedly: outcome unknown", due.chunkId(), e);
    record(
        due,
        attempt,
        chunk ->
            chunk.failed(
                ChunkState.UNKNOWN, "UNEXPECTED", String.valueOf(e.getMessage()), null, now()));
  }

  /**
   * Records a chunk whose call was cut off by a stop of the node that claimed it ({@code due} read
   * as it is now, SUBMITTING) as UNKNOWN, the outcome of any call that got no answer: the gateway
   * may have sent it, so only a person may resend it.
   */
  void interrupted(DueChunk due) {
    record(
        due,
        due.attempts(),
        chunk ->
            chunk.failed(
                ChunkState.UNKNOWN,
                "INTERRUPTED",
                "the portal stopped during the submit: the messages may have been sent",
                null,
                now()));
  }

  /** Records a failed call; whether the account may go on (not if the call never left). */
  boolean failed(DueChunk due, int attempt, GatewayException e) {
    if (e.error() == GatewayError.UPSTREAM_UNREACHABLE
        || e.error() == GatewayError.ENDPOINT_NOT_ALLOWED) {
      // Provably never left: safe to try again later.
      tx.executeWithoutResult(
          s ->
              chunks
                  .findById(due.chunkId())
                  .filter(c -> c.getState() == ChunkState.SUBMITTING && c.getAttempts() == attempt)
                  .ifPresent(
                      c -> c.requeued(e.error().name(), e.getMessage(), now().plus(retryAfter))));
      log.warn("Send chunk {} not sent ({}); tried again later", due.chunkId(), e.error());
      return false;
    }
    ChunkState outcome = e.error().mayHaveTakenEffect() ? ChunkState.UNKNOWN : ChunkState.REJECTED;
    String message = message(e);
    record(
        due,
        attempt,
        chunk -> chunk.failed(outcome, e.error().name(), message, e.rawAnswer(), now()));
    log.warn("Send chunk {} of job {}: {} ({})", due.chunkId(), due.jobId(), outcome, e.error());
    return true;
  }

  /** The gateway's own words, with the blocked words where it named them. */
  private static String message(GatewayException e) {
    String message = e.upstreamMessage();
    if (message == null || message.isBlank()) {
      message = e.error() == GatewayError.OUTCOME_UNKNOWN ? "no answer" : e.getMessage();
    }
    for (String word : e.words()) {
      if (!message.contains(word)) {
        message = message + " " + word;
      }
    }
    return message;
  }

  private interface Outcome {
    void apply(SendChunk chunk);
  }

  /** Records the outcome of this attempt, unless the chunk moved on meanwhile. */
  private void record(DueChunk due, int attempt, Outcome outcome) {
    tx.executeWithoutResult(
        s -> {
          SendChunk chunk = chunks.findById(due.chunkId()).orElseThrow();
          boolean ours =
              chunk.getAttempts() == attempt
                  && (chunk.getState() == ChunkState.SUBMITTING
                      || chunk.getState() == ChunkState.UNKNOWN);
          if (!ours) {
            log.warn("Send chunk {} moved on before its outcome was recorded", due.chunkId());
            return;
          }
          outcome.apply(chunk);
          numbers.follow(chunk.getId(), NumberState.of(chunk.getState()));
          finishIfDone(due.jobId());
          if (chunk.getState() == ChunkState.SUBMITTED) {
            // Accepted now (a chunk at SUBMITTING or UNKNOWN was not before): its numbers count
            // on today's chart, in this transaction; last, so the day's row is locked briefly.
            sendDays.sent(
                chunk.getTenantId(),
                chunk.getAccountId(),
                chunk.getAnsweredAt(),
                chunk.getNumberCount());
          }
        });
  }

  /**
   * The job is FINISHED once none of its chunks waits or is being submitted; in the caller's tx,
   * which tells the listeners of {@link JobFinished}.
   */
  void finishIfDone(long jobId) {
    if (!chunks.existsByJobIdAndStateIn(jobId, List.of(ChunkState.QUEUED, ChunkState.SUBMITTING))) {
      jobs.findById(jobId)
          .filter(job -> job.getState() == JobState.OPEN)
          .ifPresent(
              job -> {
                job.setState(JobState.FINISHED);
                events.publishEvent(
                    new JobFinished(
                        job.getTenantId(),
                        jobId,
                        job.getAccountId(),
                        now(),
                        job.getCreatedBy(),
                        chunks.countByJobIdAndState(jobId, ChunkState.UNKNOWN)));
              });
    }
  }

  private Instant now() {
    return clock.instant();
  }
}
