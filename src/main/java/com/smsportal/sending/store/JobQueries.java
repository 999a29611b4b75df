package com.smsportal.sending.store;

import com.smsportal.mobile.MobileNumber;
import com.smsportal.sending.ChunkState;
import com.smsportal.sending.ChunkSummary;
import com.smsportal.sending.ChunkView;
import com.smsportal.sending.JobState;
import com.smsportal.sending.JobView;
import com.smsportal.sending.NumberState;
import com.smsportal.sending.NumberView;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The job read models the pages show: a page of jobs with their numbers counted per state (two
 * statements for the page), one job with its chunks, a page of a job's numbers. Read-only, filtered
 * by the current tenant.
 */
@Service
public class JobQueries {

  private final SendJobRepository jobs;
  private final SendChunkRepository chunks;
  private final SendNumberRepository numbers;
  private final TransactionTemplate tx;
  private final JobCounts counts;

  JobQueries(
      SendJobRepository jobs,
      SendChunkRepository chunks,
      SendNumberRepository numbers,
      TransactionTemplate tx,
      JobCounts counts) {
    this.counts = counts;
    this.jobs = jobs;
    this.chunks = chunks;
    this.numbers = numbers;
    this.tx = tx;
  }

  /**
   * At most {@code limit} of the current tenant's jobs older than {@code before} (null: the
   * newest), newest first, with their numbers per state (no chunks): two statements in all.
   */
  public List<JobView> page(Long before, int limit) {
    return tx.execute(
        status ->
            views(
                before == null
                    ? jobs.findAllByOrderByIdDesc(Limit.of(limit))
                    : jobs.findByIdLessThanOrderByIdDesc(before, Limit.of(limit))));
  }

  /**
   * Runs the reads in one transaction: the database's one view for all of them where it keeps one
   * (MariaDB), and each job read once however many parts of it are read (issue 27: a job's page
   * read its job three times).
   */
  public void together(Runnable reads) {
    tx.executeWithoutResult(status -> reads.run());
  }

  /** How many jobs the current tenant has. */
  public long count() {
    return tx.execute(status -> jobs.count());
  }

  /** The current tenant's jobs that still have chunks to submit, newest first. */
  public List<JobView> inProgress() {
    return tx.execute(status -> views(jobs.findByStateOrderByIdDesc(JobState.OPEN)));
  }

  /** The jobs as pages list them, their numbers counted in one statement for all. */
  private List<JobView> views(List<SendJob> page) {
    if (page.isEmpty()) {
      return List.of();
    }
    Map<Long, Map<NumberState, Long>> counts = this.counts.perJob(page, numbers);
    return page.stream()
        .map(job -> view(job, counts.getOrDefault(job.getId(), Map.of()), List.of()))
        .toList();
  }

  public Optional<JobView> find(long jobId) {
    return tx.execute(
        status ->
            jobs.findById(jobId)
                .map(
                    job ->
                        view(
                            job,
                            chunks.findByJobIdOrderBySeq(jobId).stream()
                                .map(SendChunk::toView)
                                .toList())));
  }

  /**
   * The job with its chunks counted per state but none of them read ({@link JobView#chunks} empty):
   * what its page needs on every view and poll, two statements whatever the job's size.
   */
  public Optional<JobView> summary(long jobId) {
    return tx.execute(
        status ->
            jobs.findById(jobId)
                .map(
                    job -> {
                      Map<ChunkState, Long> perState = new EnumMap<>(ChunkState.class);
                      Instant last = null;
                      for (Object[] row : chunks.summaryOf(jobId)) {
                        perState.put((ChunkState) row[0], ((Number) row[1]).longValue());
                        if (row[2] != null) {
                          last = (Instant) row[2];
                        }
                      }
                      return view(
                          job,
                          counts.of(job.getId(), job.getNumberCount()),
                          List.of(),
                          new ChunkSummary(perState, last));
                    }));
  }

  /**
   * At most {@code limit} of the job's chunks after {@code afterSeq} in order, or, with {@code
   * states}, only those in them; empty for another tenant's job.
   */
  public List<ChunkView> chunks(
      long jobId, Collection<ChunkState> states, int afterSeq, int limit) {
    return tx.execute(
        status ->
            jobs.findById(jobId)
                .map(
                    job ->
                        (states == null
                                ? chunks.findByJobIdAndSeqGreaterThanOrderBySeq(
                                    jobId, afterSeq, Limit.of(limit))
                                : chunks.findByJobIdAndStateInOrderBySeq(
                                    jobId, states, Limit.of(limit)))
                            .stream().map(SendChunk::toView).toList())
                .orElse(List.of()));
  }

  /**
   * A page of the job's numbers after {@code afterId} (keyset, oldest first), optionally only those
   * in {@code state} or whose number contains what {@code search} looks for ({@link
   * MobileNumber#fragment}). Empty for another tenant's job.
   */
  public List<NumberView> numbers(
      long jobId, NumberState state, String search, long afterId, int limit) {
    String whole = search == null ? null : MobileNumber.mainland(search);
    String only = MobileNumber.fragment(search);
    String like = only.isEmpty() ? null : "%" + only + "%";
    return tx.execute(
        status ->
            jobs.findById(jobId)
                .map(
                    job -> {
                      List<NumberView> page =
                          pageOf(jobId, whole, state, like, afterId, Limit.of(limit)).stream()
                              .map(SendNumber::toView)
                              .toList();
                      return job.isPersonalised() ? withTexts(page) : page;
                    })
                .orElse(List.of()));
  }

  /** The page's numbers, each kind of filter by the query its index answers. */
  private List<SendNumber> pageOf(
      long jobId, String whole, NumberState state, String like, long afterId, Limit limit) {
    if (whole != null) {
      // A whole number (issue 27): by equality, on its index.
      return numbers.pageOfNumber(jobId, whole, state, afterId, limit);
    }
    if (state != null) {
      return numbers.pageInState(jobId, state, afterId, like, limit);
    }
    if (like != null) {
      return numbers.page(jobId, afterId, like, limit);
    }
    // Ids first, then the rows (SendNumberRepository#pageIds): in id order.
    return numbers.findAllById(numbers.pageIds(jobId, afterId, limit)).stream()
        .sorted(Comparator.comparing(SendNumber::getId))
        .toList();
  }

  /** Each number with its chunk's text: one statement for the chunks of the page. */
  private List<NumberView> withTexts(List<NumberView> page) {
    if (page.isEmpty()) {
      return page;
    }
    Map<Long, String> texts = new HashMap<>();
    for (Object[] row :
        chunks.contentsOf(page.stream().map(NumberView::chunkId).distinct().toList())) {
      texts.put(((Number) row[0]).longValue(), (String) row[1]);
    }
    return page.stream().map(n -> n.withText(texts.get(n.chunkId()))).toList();
  }

  private JobView view(SendJob job, List<ChunkView> chunkViews) {
    return view(job, counts.of(job.getId(), job.getNumberCount()), chunkViews);
  }

  static JobView view(SendJob job, Map<NumberState, Long> counts, List<ChunkView> chunkViews) {
    return view(job, counts, chunkViews, ChunkSummary.of(chunkViews));
  }

  static JobView view(
      SendJob job,
      Map<NumberState, Long> counts,
      List<ChunkView> chunkViews,
      ChunkSummary summary) {
    return new JobView(
        job.getId(),
        job.getAccountId(),
        job.getContent(),
        job.getSendTime(),
        job.getExtno(),
        job.getState(),
        job.getNumberCount(),
        job.getSegments(),
        job.getChunkCount(),
        job.getCreatedAt(),
        job.getCreatedBy(),
        job.getOptedOutCount(),
        job.getVersion(),
        Map.copyOf(counts),
        chunkViews,
        job.isPersonalised(),
        job.getTotalSegments(),
        job.getLimitedCount(),
        summary);
  }
}
