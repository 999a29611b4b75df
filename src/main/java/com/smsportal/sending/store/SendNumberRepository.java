package com.smsportal.sending.store;

import com.smsportal.sending.NumberState;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface SendNumberRepository extends JpaRepository<SendNumber, Long> {

  /** The chunk's numbers still to be sent: all but those left out as opted out or limited. */
  @Query(
      "select n.mobile from SendNumber n where n.chunkId = :chunkId"
          + " and n.state not in (com.smsportal.sending.NumberState.OPTED_OUT,"
          + " com.smsportal.sending.NumberState.LIMITED) order by n.id")
  List<String> mobilesOf(long chunkId);

  /** The chunk's numbers follow its state, except those left out as opted out or limited. */
  @Modifying
  @Query(
      "update SendNumber n set n.state = :state where n.chunkId = :chunkId"
          + " and n.state not in (com.smsportal.sending.NumberState.OPTED_OUT,"
          + " com.smsportal.sending.NumberState.LIMITED)")
  int follow(long chunkId, NumberState state);

  @Modifying
  @Query(
      "update SendNumber n set n.state = com.smsportal.sending.NumberState.OPTED_OUT"
          + " where n.chunkId = :chunkId and n.mobile in :mobiles")
  int optedOut(long chunkId, Collection<String> mobiles);

  /** The chunk's numbers that had reached a flood limit per number when it went (issue 26). */
  @Modifying
  @Query(
      "update SendNumber n set n.state = com.smsportal.sending.NumberState.LIMITED"
          + " where n.chunkId = :chunkId and n.mobile in :mobiles")
  int limited(long chunkId, Collection<String> mobiles);

  /**
   * One page of a job's numbers by keyset (after {@code afterId}), optionally only those whose
   * number is like {@code mobile}: a range of the index on (job_id, id), read in its order (the
   * order names job_id, constant here, so that H2 too reads the index in order instead of sorting
   * every number of the job).
   */
  @Query(
      "select n from SendNumber n where n.jobId = :jobId and n.id > :afterId"
          + " and (:mobile is null or n.mobile like :mobile) order by n.jobId, n.id")
  List<SendNumber> page(long jobId, long afterId, String mobile, Limit limit);

  /**
   * The ids of one page of a job's numbers by keyset, for {@link #findAllById}: read alone, they
   * come from a range of an index (issue 27). Asked for whole rows, MariaDB read the (job_id, id)
   * index by "ref" on the job with the cursor as an index condition, stepping over every number
   * before the cursor: 20 ms half way down a job of 1,000,000 numbers, under 1 ms this way.
   */
  @Query(
      "select n.id from SendNumber n where n.jobId = :jobId and n.id > :afterId"
          + " order by n.jobId, n.id")
  List<Long> pageIds(long jobId, long afterId, Limit limit);

  /**
   * One page of a job's numbers equal to the whole number {@code mobile} by keyset, optionally only
   * those in {@code state}: a range of the index on (job_id, mobile, id), whatever the job's size.
   */
  @Query(
      "select n from SendNumber n where n.jobId = :jobId and n.mobile = :mobile and n.id > :afterId"
          + " and (:state is null or n.state = :state) order by n.jobId, n.mobile, n.id")
  List<SendNumber> pageOfNumber(
      long jobId, String mobile, NumberState state, long afterId, Limit limit);

  /**
   * One page of a job's numbers in {@code state} by keyset, optionally only those whose number is
   * like {@code mobile}: a range of the index on (job_id, state, id). A query of its own rather
   * than an optional condition, so that the database can choose that index.
   */
  @Query(
      "select n from SendNumber n where n.jobId = :jobId and n.state = :state and n.id > :afterId"
          + " and (:mobile is null or n.mobile like :mobile) order by n.jobId, n.state, n.id")
  List<SendNumber> pageInState(
      long jobId, NumberState state, long afterId, String mobile, Limit limit);

  @Query("select n.state, count(n) from SendNumber n where n.jobId = :jobId group by n.state")
  List<Object[]> countByState(long jobId);

  /** Numbers per job and state of these jobs, in one statement: job id, state, count. */
  @Query(
      "select n.jobId, n.state, count(n) from SendNumber n where n.jobId in :jobIds"
          + " group by n.jobId, n.state")
  List<Object[]> countByJobAndState(java.util.Collection<Long> jobIds);

  @Modifying
  @Query(
      "update SendNumber n set n.state = com.smsportal.sending.NumberState.CANCELLED"
          + " where n.jobId = :jobId and n.state = com.smsportal.sending.NumberState.QUEUED"
          + " and n.chunkId in (select c.id from SendChunk c where c.jobId = :jobId"
          + " and c.state = com.smsportal.sending.ChunkState.CANCELLED)")
  int followCancelled(long jobId);
}
