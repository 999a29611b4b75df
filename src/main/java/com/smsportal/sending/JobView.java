package com.smsportal.sending;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A send job as pages show it, with how many of its numbers are in each state.
 *
 * @param optedOutCount valid numbers of the order left out because they were on the opt-out list
 * @param version bumped by each edit of the scheduled job; an edit form carries the one it showed
 * @param numbers numbers per state; states without numbers are left out
 * @param chunks the job's chunks in order (empty in {@link SendJobs#page}); on its page ({@link
 *     SendJobs#summary}) none: the page reads a page of them
 * @param chunkSummary its chunks per state, counted by the database or from {@code chunks}
 * @param personalised its numbers have texts of their own, rendered from {@code content} (the text
 *     with its placeholders); its content cannot be edited (issue 24)
 * @param totalSegments the segments of all its messages: what the gateway bills
 * @param limitedCount numbers of the order its store held back: they had reached a flood limit per
 *     number (issue 26); those held back when their chunk went are {@link NumberState#LIMITED}
 */
public record JobView(
    long id,
    long accountId,
    String content,
    Instant sendTime,
    String extno,
    JobState state,
    int numberCount,
    int segments,
    int chunkCount,
    Instant createdAt,
    String createdBy,
    int optedOutCount,
    int version,
    Map<NumberState, Long> numbers,
    List<ChunkView> chunks,
    boolean personalised,
    long totalSegments,
    int limitedCount,
    ChunkSummary chunkSummary) {

  /** A job with its chunks read in full, summarised from them. */
  public JobView(
      long id,
      long accountId,
      String content,
      Instant sendTime,
      String extno,
      JobState state,
      int numberCount,
      int segments,
      int chunkCount,
      Instant createdAt,
      String createdBy,
      int optedOutCount,
      int version,
      Map<NumberState, Long> numbers,
      List<ChunkView> chunks,
      boolean personalised,
      long totalSegments,
      int limitedCount) {
    this(
        id,
        accountId,
        content,
        sendTime,
        extno,
        state,
        numberCount,
        segments,
        chunkCount,
        createdAt,
        createdBy,
        optedOutCount,
        version,
        numbers,
        chunks,
        personalised,
        totalSegments,
        limitedCount,
        ChunkSummary.of(chunks));
  }

  /** A plain job: one text for every number. */
  public JobView(
      long id,
      long accountId,
      String content,
      Instant sendTime,
      String extno,
      JobState state,
      int numberCount,
      int segments,
      int chunkCount,
      Instant createdAt,
      String createdBy,
      int optedOutCount,
      int version,
      Map<NumberState, Long> numbers,
      List<ChunkView> chunks) {
    this(
        id,
        accountId,
        content,
        sendTime,
        extno,
        state,
        numberCount,
        segments,
        chunkCount,
        createdAt,
        createdBy,
        optedOutCount,
        version,
        numbers,
        chunks,
        false,
        (long) numberCount * segments,
        0);
  }

  /** Numbers held back when their chunk went: they had reached a flood limit per number. */
  public long limitedAtSend() {
    return count(NumberState.LIMITED);
  }

  public long count(NumberState state) {
    return numbers.getOrDefault(state, 0L);
  }

  /** Numbers that have left the queue: submitted, or with any other outcome. */
  public long handled() {
    return numberCount - count(NumberState.QUEUED);
  }

  /** Whether some chunk still waits to be submitted (and could be cancelled). */
  public boolean hasQueuedChunks() {
    return chunksIn(ChunkState.QUEUED) > 0;
  }

  public boolean open() {
    return state == JobState.OPEN;
  }

  /**
   * Whether a person may still change it: scheduled for later than {@code now}, and not one chunk
   * has left the queue.
   */
  public boolean editableAt(Instant now) {
    return state == JobState.OPEN
        && !personalised
        && sendTime != null
        && sendTime.isAfter(now)
        && chunkSummary.total() > 0
        && chunkSummary.count(ChunkState.QUEUED) == chunkSummary.total();
  }

  public long chunksIn(ChunkState state) {
    return chunkSummary.count(state);
  }
}
