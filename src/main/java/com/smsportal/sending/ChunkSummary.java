package com.smsportal.sending;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A job's chunks counted per state, and when the gateway last accepted one: all its page needs of
 * its chunks to say where the job stands (issue 27: a job of 1,000,000 numbers has 1,000 chunks,
 * which its page no longer reads on every view and poll; it reads these counts in one statement).
 *
 * @param counts chunks per state; states without chunks are left out
 * @param lastSubmit when the gateway last accepted one of its chunks, or null
 */
public record ChunkSummary(Map<ChunkState, Long> counts, Instant lastSubmit) {

  /** Chunks a person should look at: refused by the gateway, or with an unknown outcome. */
  public static final List<ChunkState> PROBLEMS = List.of(ChunkState.UNKNOWN, ChunkState.REJECTED);

  public ChunkSummary {
    counts = Map.copyOf(counts);
  }

  /** The summary of chunks read in full. */
  public static ChunkSummary of(List<ChunkView> chunks) {
    Map<ChunkState, Long> counts = new EnumMap<>(ChunkState.class);
    chunks.forEach(c -> counts.merge(c.state(), 1L, Long::sum));
    return new ChunkSummary(
        counts,
        chunks.stream()
            .filter(c -> c.state() == ChunkState.SUBMITTED)
            .map(ChunkView::answeredAt)
            .filter(Objects::nonNull)
            .max(Instant::compareTo)
            .orElse(null));
  }

  public long count(ChunkState state) {
    return counts.getOrDefault(state, 0L);
  }

  public long total() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Chunks refused or with an unknown outcome. */
  public long problems() {
    return PROBLEMS.stream().mapToLong(this::count).sum();
  }

  /** The states that have chunks, in the order of {@link ChunkState}, with their counts. */
  public Map<ChunkState, Long> inOrder() {
    Map<ChunkState, Long> ordered = new EnumMap<>(ChunkState.class);
    ordered.putAll(counts);
    return ordered;
  }

  /** What a job's phase needs of its chunks. */
  public JobProgress.Chunks phaseChunks() {
    long total = total();
    return new JobProgress.Chunks(
        total == 0,
        count(ChunkState.QUEUED) + count(ChunkState.SUBMITTING) > 0,
        count(ChunkState.QUEUED) == total,
        lastSubmit);
  }
}
