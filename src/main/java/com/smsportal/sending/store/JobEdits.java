package com.smsportal.sending.store;

import com.smsportal.audit.AuditAction;
import com.smsportal.sending.ChunkState;
import com.smsportal.sending.JobState;
import com.smsportal.sending.NumberState;
import com.smsportal.sending.ResendOutcome;
import com.smsportal.sending.message.MessageSegments;
import com.smsportal.sending.message.SendRules;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A person's changes to a stored job, each in one transaction and recorded in the audit log: the
 * resend of a chunk whose outcome is unknown, the cancel of what is still queued, and the edit of a
 * scheduled job.
 *
 * <p>An edit changes a scheduled job's content, send time and extension before it goes. It is one
 * transaction that moves every chunk of the job to the next version only if each is still QUEUED
 * and of the version the person saw; the worker claims a chunk only at the version whose content it
 * read ({@link SendChunkRepository#claim}). So a chunk goes out either wholly as it was or wholly
 * as edited, and an edit that comes too late changes nothing. The numbers cannot be edited: cancel
 * and send anew.
 */
@Service
public class JobEdits {

  /** How an edit ended. */
  public enum Outcome {
    EDITED,
    NOT_FOUND,
    /** A chunk left the queue, the job was cancelled, or its time has come: too late. */
    STARTED,
    /** Someone else changed the job after this form was shown. */
    CHANGED_MEANWHILE
  }

  private final SendJobRepository jobs;
  private final SendChunkRepository chunks;
  private final SendNumberRepository numbers;
  private final JobAudit audit;
  private final TransactionTemplate tx;
  private final Clock clock;

  JobEdits(
      SendJobRepository jobs,
      SendChunkRepository chunks,
      SendNumberRepository numbers,
      JobAudit audit,
      TransactionTemplate tx,
      Clock clock) {
    this.jobs = jobs;
    this.chunks = chunks;
    this.numbers = numbers;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
  }

  /**
   * Queues a chunk whose outcome is unknown once more. Only for a person who confirmed the warning
   * that its recipients may get the message twice; recorded in the audit log.
   */
  public ResendOutcome resendUnknown(long jobId, long chunkId, boolean confirmed) {
    return tx.execute(
        status -> {
          Optional<SendChunk> found = chunks.findById(chunkId).filter(c -> c.getJobId() == jobId);
          if (found.isEmpty()) {
            return ResendOutcome.NOT_FOUND;
          }
          SendChunk chunk = found.get();
          if (!confirmed) {
            return ResendOutcome.NOT_CONFIRMED;
          }
          if (chunk.getState() != ChunkState.UNKNOWN) {
            return ResendOutcome.NOT_UNKNOWN;
          }
          chunk.resend(clock.instant());
          numbers.follow(chunkId, NumberState.QUEUED);
          SendJob job = jobs.findById(jobId).orElseThrow();
          job.setState(JobState.OPEN);
          audit.record(
              AuditAction.SEND_RESENT,
              job.getId(),
              job.getTenantId(),
              "chunk "
                  + chunk.getSeq()
                  + " ("
                  + chunk.getNumberCount()
                  + " numbers) resent although its outcome was unknown; confirmed that"
                  + " recipients may get the message twice");
          return ResendOutcome.RESENT;
        });
  }

  /**
   * Cancels the job's chunks that were not submitted yet; returns how many. Chunks being submitted
   * or with an outcome are left as they are.
   */
  public int cancel(long jobId) {
    return tx.execute(
        status -> {
          Optional<SendJob> found = jobs.findById(jobId);
          if (found.isEmpty()) {
            return 0;
          }
          SendJob job = found.get();
          int cancelled = chunks.cancelQueued(jobId);
          if (cancelled == 0) {
            return 0;
          }
          numbers.followCancelled(jobId);
          job.setState(JobState.CANCELLED);
          audit.record(
              AuditAction.SEND_CANCELLED,
              job.getId(),
              job.getTenantId(),
              cancelled + " of " + job.getChunkCount() + " chunks cancelled");
          return cancelled;
        });
  }

  /**
   * Applies the edit if the job is still as the person saw it ({@code version}), scheduled for
   * later, and none of its chunks has left the queue. Checked values only (see {@link SendRules}).
   */
  public Outcome edit(long jobId, int version, String content, Instant sendTime, String extno) {
    return tx.execute(
        status -> {
          Optional<SendJob> found = jobs.findById(jobId);
          if (found.isEmpty()) {
            return Outcome.NOT_FOUND;
          }
          SendJob job = found.get();
          Instant now = clock.instant();
          if (job.getState() != JobState.OPEN
              || job.getSendTime() == null
              || !job.getSendTime().isAfter(now)) {
            return Outcome.STARTED;
          }
          if (job.getVersion() != version) {
            return Outcome.CHANGED_MEANWHILE;
          }
          long all = chunks.countByJobId(jobId);
          int moved = chunks.edit(jobId, version, sendTime);
          if (moved != all) {
            // A chunk was claimed (or cancelled) between the page and now: change nothing.
            status.setRollbackOnly();
            return Outcome.STARTED;
          }
          List<String> changed = changes(job, content, sendTime, extno);
          job.edit(content, sendTime, extno, MessageSegments.count(content).segments());
          audit.record(
              AuditAction.SEND_EDITED,
              job.getId(),
              job.getTenantId(),
              (changed.isEmpty() ? "nothing changed" : String.join(", ", changed))
                  + " before it went (version "
                  + (version + 1)
                  + ")");
          return Outcome.EDITED;
        });
  }

  private static List<String> changes(SendJob job, String content, Instant sendTime, String extno) {
    List<String> changed = new ArrayList<>();
    if (!job.getContent().equals(content)) {
      changed.add("content");
    }
    if (!sendTime.equals(job.getSendTime())) {
      changed.add("send time " + job.getSendTime() + " → " + sendTime);
    }
    if (!job.getExtno().equals(extno)) {
      changed.add("extno");
    }
    return changed;
  }
}
