package com.smsportal.sending.store;

import com.smsportal.sending.ChunkState;
import com.smsportal.sending.JobPhase;
import com.smsportal.sending.JobProgress;
import com.smsportal.sending.JobState;
import com.smsportal.sending.NumberState;
import com.smsportal.web.KeysetList;
import com.smsportal.web.LikePatterns;
import com.smsportal.web.NewestFirst;
import com.smsportal.web.PageCursor;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the current tenant's jobs for the job list, newest first by keyset on (created_at, id), as
 * the receipts and replies lists read theirs ({@link NewestFirst}), filtered by {@link JobFilter}.
 * A page costs a constant number of statements whatever it holds: the jobs, then their numbers
 * counted per state and their chunks summed up, each one statement for the whole page (a job of
 * more than {@link JobCounts#COUNTED_EACH_VIEW} numbers is counted as its page counts it, at most
 * every few seconds, not on each view).
 *
 * <p>The phase filter says in SQL what {@link JobProgress#of} derives from the same rows, so that a
 * job listed under a phase shows that phase ({@code JobListIntegrationTests} holds both to it).
 */
@Service
public class JobListSearch implements KeysetList.Rows<JobFilter, JobListRow> {

  static final Sort ORDER = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

  private final SendJobRepository jobs;
  private final SendChunkRepository chunks;
  private final SendNumberRepository numbers;
  private final Clock clock;
  private final JobCounts jobCounts;

  JobListSearch(
      SendJobRepository jobs,
      SendChunkRepository chunks,
      SendNumberRepository numbers,
      Clock clock,
      JobCounts jobCounts) {
    this.jobCounts = jobCounts;
    this.jobs = jobs;
    this.chunks = chunks;
    this.numbers = numbers;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public List<JobListRow> page(JobFilter filter, PageCursor before, int limit) {
    Instant now = clock.instant();
    PageCursor upper =
        before != null || filter.until() == null ? before : new PageCursor(filter.until(), 0);
    List<SendJob> page =
        NewestFirst.page(
            upper,
            filter.from(),
            limit,
            (below, atOrAfter, n) ->
                jobs.findBy(
                    matching(filter, now, below, atOrAfter), q -> q.sortBy(ORDER).limit(n).all()));
    return rows(page, now);
  }

  @Override
  @Transactional(readOnly = true)
  public List<JobListRow> pageBelowId(JobFilter filter, Long beforeId, int limit) {
    return NewestFirst.belowId(
        beforeId,
        id -> jobs.findById(id).map(job -> new PageCursor(job.getCreatedAt(), job.getId())),
        cursor -> page(filter, cursor, limit));
  }

  /** The page's jobs with their numbers per state and their chunks: two statements in all. */
  private List<JobListRow> rows(List<SendJob> page, Instant now) {
    if (page.isEmpty()) {
      return List.of();
    }
    List<Long> ids = page.stream().map(SendJob::getId).toList();
    Map<Long, Map<NumberState, Long>> counts = jobCounts.perJob(page, numbers);
    Map<Long, JobProgress.Chunks> summaries = new HashMap<>();
    for (Object[] row : chunks.summarize(ids)) {
      summaries.put(
          ((Number) row[0]).longValue(),
          new JobProgress.Chunks(
              false,
              ((Number) row[1]).longValue() > 0,
              ((Number) row[2]).longValue() == 0,
              (Instant) row[3]));
    }
    JobProgress.Chunks none = new JobProgress.Chunks(true, false, true, null);
    return page.stream()
        .map(job -> JobQueries.view(job, counts.getOrDefault(job.getId(), Map.of()), List.of()))
        .map(
            view ->
                new JobListRow(
                    view, JobProgress.of(view, summaries.getOrDefault(view.id(), none), now), null))
        .toList();
  }

  /** The filter's conditions and the slice's bounds, on created_at as the receipts' on theirs. */
  private static Specification<SendJob> matching(
      JobFilter filter, Instant now, PageCursor before, Instant atOrAfter) {
    return (root, cq, cb) -> {
      List<Predicate> where = new ArrayList<>();
      if (filter.accountId() != null) {
        where.add(cb.equal(root.get("accountId"), filter.accountId()));
      }
      if (filter.text() != null) {
        where.add(
            cb.like(
                cb.lower(root.get("content")),
                LikePatterns.contains(filter.text()),
                LikePatterns.ESCAPE));
      }
      if (filter.phase() != null) {
        where.add(new Phases(root, cq, cb, now).of(filter.phase()));
      }
      Instant from = max(filter.from(), atOrAfter);
      if (from != null) {
        where.add(cb.greaterThanOrEqualTo(root.get("createdAt"), from));
      }
      if (filter.until() != null) {
        where.add(cb.lessThan(root.get("createdAt"), filter.until()));
      }
      if (before != null) {
        // (created_at, id) < (t, id), spelled out as NewestFirst does: the index serves this form.
        where.add(
            cb.or(
                cb.lessThan(root.get("createdAt"), before.time()),
                cb.and(
                    cb.equal(root.get("createdAt"), before.time()),
                    cb.lessThan(root.get("id"), before.id()))));
      }
      return cb.and(where.toArray(Predicate[]::new));
    };
  }

  private static Instant max(Instant a, Instant b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }

  /**
   * {@link JobProgress#of} in SQL, on a job's chunks and numbers: each phase as a condition on the
   * job row, with subqueries along (job_id, state) of the chunks and numbers.
   */
  private record Phases(Root<SendJob> job, CriteriaQuery<?> cq, CriteriaBuilder cb, Instant now) {

    Predicate of(JobPhase phase) {
      Predicate active =
          cb.and(notCancelled(), anyChunkIn(ChunkState.QUEUED, ChunkState.SUBMITTING));
      Predicate scheduled =
          cb.and(
              active,
              cb.not(anyChunkNotIn(ChunkState.QUEUED)),
              cb.not(anyNumberNotIn(NumberState.QUEUED)),
              cb.isNotNull(job.get("sendTime")),
              cb.greaterThan(job.get("sendTime"), now));
      Predicate cancelled =
          cb.and(
              cb.equal(job.get("state"), JobState.CANCELLED),
              cb.not(
                  anyNumberIn(
                      NumberState.SUBMITTED,
                      NumberState.DELIVERED,
                      NumberState.FAILED,
                      NumberState.UNKNOWN)));
      Predicate awaiting =
          cb.and(
              anyNumberIn(NumberState.SUBMITTED),
              submittedSince(now.minus(JobProgress.RECEIPT_WAIT)));
      return switch (phase) {
        case SCHEDULED -> scheduled;
        case SENDING -> cb.and(active, cb.not(scheduled));
        case CANCELLED -> cancelled;
        case AWAITING_RECEIPTS -> cb.and(cb.not(active), cb.not(cancelled), awaiting);
        case FINISHED -> cb.and(cb.not(active), cb.not(cancelled), cb.not(awaiting));
      };
    }

    private Predicate notCancelled() {
      return cb.notEqual(job.get("state"), JobState.CANCELLED);
    }

    private Predicate anyChunkIn(ChunkState... states) {
      var sq = cq.subquery(Long.class);
      Root<SendChunk> c = sq.from(SendChunk.class);
      sq.select(c.get("id"))
          .where(cb.equal(c.get("jobId"), job.get("id")), c.get("state").in((Object[]) states));
      return cb.exists(sq);
    }

    private Predicate anyChunkNotIn(ChunkState state) {
      var sq = cq.subquery(Long.class);
      Root<SendChunk> c = sq.from(SendChunk.class);
      sq.select(c.get("id"))
          .where(cb.equal(c.get("jobId"), job.get("id")), cb.notEqual(c.get("state"), state));
      return cb.exists(sq);
    }

    /** A chunk the gateway accepted at or after {@code since}: the job still waits for reports. */
    private Predicate submittedSince(Instant since) {
      var sq = cq.subquery(Long.class);
      Root<SendChunk> c = sq.from(SendChunk.class);
      sq.select(c.get("id"))
          .where(
              cb.equal(c.get("jobId"), job.get("id")),
              cb.equal(c.get("state"), ChunkState.SUBMITTED),
              cb.greaterThan(c.get("answeredAt"), since));
      return cb.exists(sq);
    }

    private Predicate anyNumberIn(NumberState... states) {
      var sq = cq.subquery(Long.class);
      Root<SendNumber> n = sq.from(SendNumber.class);
      sq.select(n.get("id"))
          .where(cb.equal(n.get("jobId"), job.get("id")), n.get("state").in((Object[]) states));
      return cb.exists(sq);
    }

    private Predicate anyNumberNotIn(NumberState state) {
      var sq = cq.subquery(Long.class);
      Root<SendNumber> n = sq.from(SendNumber.class);
      sq.select(n.get("id"))
          .where(cb.equal(n.get("jobId"), job.get("id")), cb.notEqual(n.get("state"), state));
      return cb.exists(sq);
    }
  }
}
