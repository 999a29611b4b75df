package com.smsportal.sending.store;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditDetail;
import com.smsportal.message.MessageSegments;
import com.smsportal.sending.ChunkState;
import com.smsportal.sending.JobState;
import com.smsportal.sending.NumberState;
import com.smsportal.sending.ResendOutcome;
import com.smsportal.sending.message.SendRules;
import com.smsportal.web.Times;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
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

  private static final Times TIMES = new Times();

  /** How an edit ended. */
  public enum Outcome {
    EDITED,
    NOT_FOUND,
    /** A chunk left the queue, the job was cancelled, or its time has come: too late. */
    STARTED,
    /** Someone else changed the job after this form was shown. */
    CHANGED_MEANWHILE,
    /** A personalised job: its texts were rendered per number, so none of it is edited. */
    PERSONALISED
  }

  private final SendJobRepository jobs;
  private final SendChunkRepository chunks;
  private final SendNumberRepository numbers;
  private final JobAudit audit;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  JobEdits(
      SendJobRepository jobs,
      SendChunkRepository chunks,
      SendNumberRepository numbers,
      JobAudit audit,
      TransactionTemplate tx,
      Clock clock,
      ApplicationEventPublisher events) {
    this.jobs = jobs;
    this.chunks = chunks;
    this.numbers = numbers;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
    this.events = events;
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
          events.publishEvent(new ChunksQueued(chunk.getAccountId()));
          SendJob job = jobs.findById(jobId).orElseThrow();
          job.setState(JobState.OPEN);
          audit.record(
              AuditAction.SEND_RESENT,
              job.getId(),
              job.getTenantId(),
              AuditDetail.of("audit.detail.resent", chunk.getSeq(), chunk.getNumberCount()));
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
              AuditDetail.of("audit.detail.cancelled", cancelled, job.getChunkCount()));
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
          if (job.isPersonalised()) {
            // Its texts were rendered from the content per number: an edit would not reach them.
            return Outcome.PERSONALISED;
          }
          long all = chunks.countByJobId(jobId);
          int moved = chunks.edit(jobId, version, sendTime);
          if (moved != all) {
            // A chunk was claimed (or cancelled) between the page and now: change nothing.
            status.setRollbackOnly();
            return Outcome.STARTED;
          }
          AuditDetail changed = changes(job, content, sendTime, extno);
          job.edit(content, sendTime, extno, MessageSegments.count(content).segments());
          // A new send time: the worker's wait may have been set by the old one.
          events.publishEvent(new ChunksQueued(job.getAccountId()));
          audit.record(
              AuditAction.SEND_EDITED,
              job.getId(),
              job.getTenantId(),
              changed.and("audit.detail.edited", version + 1));
          return Outcome.EDITED;
        });
  }

  private static AuditDetail changes(SendJob job, String content, Instant sendTime, String extno) {
    AuditDetail detail = null;
    if (!job.getContent().equals(content)) {
      detail = AuditDetail.of("audit.detail.edit.content");
    }
    if (!sendTime.equals(job.getSendTime())) {
      AuditDetail time =
          AuditDetail.of(
              "audit.detail.edit.sendTime",
              TIMES.format(job.getSendTime()),
              TIMES.format(sendTime));
      detail = detail == null ? time : detail.and(time);
    }
    if (!job.getExtno().equals(extno)) {
      AuditDetail ext = AuditDetail.of("audit.detail.edit.extno", job.getExtno(), extno);
      detail = detail == null ? ext : detail.and(ext);
    }
    return detail == null ? AuditDetail.of("audit.detail.edit.nothing") : detail;
  }
}
