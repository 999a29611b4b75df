package com.smsportal.sending.store;

import com.smsportal.sending.ChunkState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface SendChunkRepository extends JpaRepository<SendChunk, Long> {

  List<SendChunk> findByJobIdOrderBySeq(long jobId);

  /** A page of the job's chunks after {@code seq}, in order (the unique index on job and seq). */
  List<SendChunk> findByJobIdAndSeqGreaterThanOrderBySeq(
      long jobId, int seq, org.springframework.data.domain.Limit limit);

  /** The job's chunks in these states, in order. */
  List<SendChunk> findByJobIdAndStateInOrderBySeq(
      long jobId,
      java.util.Collection<ChunkState> states,
      org.springframework.data.domain.Limit limit);

  /**
   * The job's chunks per state and when the gateway last accepted one: [state, count, last
   * answered], read from the index on (job_id, state, answered_at) alone.
   */
  @Query(
      "select c.state, count(c), max(case when c.state = com.smsportal.sending.ChunkState.SUBMITTED"
          + " then c.answeredAt else null end) from SendChunk c where c.jobId = :jobId group by c.state")
  List<Object[]> summaryOf(long jobId);

  /** The texts of these chunks: [id, content], content null for the job's own. */
  @Query("select c.id, c.content from SendChunk c where c.id in :ids")
  List<Object[]> contentsOf(java.util.Collection<Long> ids);

  /**
   * Each gateway account with chunks in {@code state}, with when its first one is due: [tenantId,
   * accountId, dueAt]. One query tells the worker both which accounts are due and, when none is,
   * how long it may wait (a scheduled send).
   */
  @Query(
      "select c.tenantId, c.accountId, min(c.dueAt) from SendChunk c where c.state = :state"
          + " group by c.tenantId, c.accountId")
  List<Object[]> accountsWith(ChunkState state);

  /** The account's oldest chunk in {@code state} due by {@code now}. */
  Optional<SendChunk> findFirstByAccountIdAndStateAndDueAtLessThanEqualOrderByDueAtAscIdAsc(
      long accountId, ChunkState state, Instant now);

  boolean existsByJobIdAndStateIn(long jobId, List<ChunkState> states);

  /**
   * Claims a queued chunk for one call, in the name of {@code node} in its start {@code run}: only
   * one node (or thread) ever gets 1 back for the same chunk and attempt, and only while the chunk
   * is still of the job version whose content the caller read (an edit committed meanwhile makes
   * this 0: the next round reads the new content).
   */
  @Modifying
  @Query(
      "update SendChunk c set c.state = com.smsportal.sending.ChunkState.SUBMITTING, c.attemptedAt = :now,"
          + " c.attempts = c.attempts + 1, c.claimedBy = :node, c.claimedRun = :run"
          + " where c.id = :id and c.state = com.smsportal.sending.ChunkState.QUEUED and c.attempts = :attempts"
          + " and c.jobVersion = :jobVersion")
  int claim(long id, int attempts, int jobVersion, Instant now, String node, long run);

  /**
   * Moves every chunk of the job, all still queued and of {@code version}, to the next version and
   * the new due time. Returns how many: less than the job's chunk count means one has left the
   * queue (or was edited) meanwhile, and the caller rolls back.
   */
  @Modifying
  @Query(
      "update SendChunk c set c.jobVersion = :version + 1, c.dueAt = :dueAt"
          + " where c.jobId = :jobId and c.state = com.smsportal.sending.ChunkState.QUEUED"
          + " and c.jobVersion = :version")
  int edit(long jobId, int version, Instant dueAt);

  long countByJobId(long jobId);

  long countByJobIdAndState(long jobId, ChunkState state);

  /**
   * What the phases of these jobs need of their chunks, one statement for all: job id, chunks
   * queued or being submitted, chunks no longer queued, when the gateway last accepted one.
   */
  @Query(
      "select c.jobId,"
          + " sum(case when c.state in (com.smsportal.sending.ChunkState.QUEUED,"
          + " com.smsportal.sending.ChunkState.SUBMITTING) then 1 else 0 end),"
          + " sum(case when c.state <> com.smsportal.sending.ChunkState.QUEUED then 1 else 0 end),"
          + " max(case when c.state = com.smsportal.sending.ChunkState.SUBMITTED"
          + " then c.answeredAt else null end)"
          + " from SendChunk c where c.jobId in :jobIds group by c.jobId")
  List<Object[]> summarize(java.util.Collection<Long> jobIds);

  /** The tenant's numbers waiting to be submitted or being submitted now. */
  @Query(
      "select coalesce(sum(c.numberCount), 0) from SendChunk c where c.tenantId = :tenantId and c.state in"
          + " (com.smsportal.sending.ChunkState.QUEUED, com.smsportal.sending.ChunkState.SUBMITTING)")
  long queuedNumbers(long tenantId);

  /** Every chunk whose call began and never recorded an outcome, whichever node began it. */
  @Query("select c from SendChunk c where c.state = com.smsportal.sending.ChunkState.SUBMITTING")
  List<SendChunk> submitting();

  /** Chunks whose call {@code node} began and never recorded an outcome. */
  @Query(
      "select c from SendChunk c where c.state = com.smsportal.sending.ChunkState.SUBMITTING and c.claimedBy = :node")
  List<SendChunk> submittingBy(String node);

  @Modifying
  @Query(
      "update SendChunk c set c.state = com.smsportal.sending.ChunkState.CANCELLED"
          + " where c.jobId = :jobId and c.state = com.smsportal.sending.ChunkState.QUEUED")
  int cancelQueued(long jobId);

  /** Puts off a queued chunk that cannot be submitted now (account or tenant not ready). */
  @Modifying
  @Query(
      "update SendChunk c set c.dueAt = :dueAt, c.message = :reason"
          + " where c.id = :id and c.state = com.smsportal.sending.ChunkState.QUEUED")
  int postpone(long id, Instant dueAt, String reason);
}
