package com.smsportal.sending.store;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.sending.JobState;
import com.smsportal.sending.message.MessageSegments;
import com.smsportal.sending.message.SendRules;
import com.smsportal.tenant.TenantService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes a scheduled job's content, send time and extension before it goes. The change is one
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
  private final AuditLog audit;
  private final TenantService tenants;
  private final TransactionTemplate tx;
  private final Clock clock;

  JobEdits(
      SendJobRepository jobs,
      SendChunkRepository chunks,
      AuditLog audit,
      TenantService tenants,
      TransactionTemplate tx,
      Clock clock) {
    this.jobs = jobs;
    this.chunks = chunks;
    this.audit = audit;
    this.tenants = tenants;
    this.tx = tx;
    this.clock = clock;
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
              AuditEntry.success(AuditAction.SEND_EDITED, JobStore.target(job))
                  .tenant(job.getTenantId(), tenantName(job.getTenantId()))
                  .detail(
                      (changed.isEmpty() ? "nothing changed" : String.join(", ", changed))
                          + " before it went (version "
                          + (version + 1)
                          + ")"));
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

  private String tenantName(long tenantId) {
    return tenants.find(tenantId).map(t -> t.name()).orElse(null);
  }
}
