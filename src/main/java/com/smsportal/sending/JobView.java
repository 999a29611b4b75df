package com.smsportal.sending;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A send job as pages show it, with how many of its numbers are in each state.
 *
 * @param numbers numbers per state; states without numbers are left out
 * @param chunks the job's chunks in order (empty in {@link SendJobs#list()})
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
    Map<NumberState, Long> numbers,
    List<ChunkView> chunks) {

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

  public long chunksIn(ChunkState state) {
    return chunks.stream().filter(c -> c.state() == state).count();
  }
}
