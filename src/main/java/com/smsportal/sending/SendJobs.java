package com.smsportal.sending;

import com.smsportal.sending.store.JobEdits;
import com.smsportal.sending.store.JobQueries;
import com.smsportal.sending.store.JobStore;
import com.smsportal.sending.store.SendQuota;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The sending module's facade for send jobs: stores send orders as jobs ({@link JobStore}) within
 * the tenant's limits ({@link SendQuota}), which the worker then submits; a person's resend and
 * cancel ({@link JobEdits}); and reads them back for the pages ({@link JobQueries}). Everything is
 * filtered by the current tenant.
 */
@Service
public class SendJobs {

  private final JobStore store;
  private final SendQuota quota;
  private final JobEdits edits;
  private final JobQueries queries;

  SendJobs(JobStore store, SendQuota quota, JobEdits edits, JobQueries queries) {
    this.store = store;
    this.quota = quota;
    this.edits = edits;
    this.queries = queries;
  }

  /**
   * Stores the order as a job, or finds the job an earlier submit with the same idempotency key
   * made (then nothing more is stored or sent), or says why it cannot be sent.
   */
  public SubmitResult submit(SendOrder order) {
    return store.submit(order);
  }

  /**
   * Stores a personalised order (each distinct text with its numbers) as one job, once per
   * idempotency key, under the same rules as any order (issue 24).
   */
  public SubmitResult submitPersonal(PersonalOrder order) {
    return store.submitPersonal(order);
  }

  /** What the current tenant may still submit now (its limits); empty for staff. */
  public Optional<SendAllowance> allowance() {
    return quota.allowance();
  }

  /** The job an earlier submit of the form with this idempotency key made, if any. */
  public Optional<Long> jobOfKey(String key) {
    return store.jobOfKey(key);
  }

  /**
   * Queues a chunk whose outcome is unknown once more. Only for a person who confirmed the warning
   * that its recipients may get the message twice; recorded in the audit log.
   */
  public ResendOutcome resendUnknown(long jobId, long chunkId, boolean confirmed) {
    return edits.resendUnknown(jobId, chunkId, confirmed);
  }

  /** Cancels the job's chunks that were not submitted yet; returns how many. */
  public int cancel(long jobId) {
    return edits.cancel(jobId);
  }

  /**
   * At most {@code limit} of the current tenant's jobs older than {@code before} (null: the
   * newest), newest first, with their numbers per state (no chunks).
   */
  public List<JobView> page(Long before, int limit) {
    return queries.page(before, limit);
  }

  /** How many jobs the current tenant has. */
  public long count() {
    return queries.count();
  }

  /** The current tenant's jobs that still have chunks to submit, newest first. */
  public List<JobView> inProgress() {
    return queries.inProgress();
  }

  /**
   * Runs a page's reads of jobs (these methods) together: one view of the database, each job read
   * once.
   */
  public void together(Runnable reads) {
    queries.together(reads);
  }

  /** The job with its chunks; empty for another tenant's job. */
  public Optional<JobView> find(long jobId) {
    return queries.find(jobId);
  }

  /**
   * The job for its page: its numbers and chunks counted per state, no chunk read ({@link
   * JobView#chunks} empty); empty for another tenant's job.
   */
  public Optional<JobView> summary(long jobId) {
    return queries.summary(jobId);
  }

  /**
   * At most {@code limit} of the job's chunks after {@code afterSeq} in order, or, with {@code
   * states} (then {@code afterSeq} is ignored), only those in them; empty for another tenant's job.
   */
  public List<ChunkView> chunks(
      long jobId, java.util.Collection<ChunkState> states, int afterSeq, int limit) {
    return queries.chunks(jobId, states, afterSeq, limit);
  }

  /**
   * A page of the job's numbers after {@code afterId} (keyset, oldest first), optionally only those
   * in {@code state} or whose number contains {@code digits}. Empty for another tenant's job.
   */
  public List<NumberView> numbers(
      long jobId, NumberState state, String digits, long afterId, int limit) {
    return queries.numbers(jobId, state, digits, afterId, limit);
  }
}
