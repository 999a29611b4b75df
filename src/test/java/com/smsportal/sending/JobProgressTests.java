package com.smsportal.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobProgressTests {

  static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");

  @Test
  void aJobWhoseTimeHasNotComeIsScheduledNotInProgress() {
    JobProgress p =
        JobProgress.of(
            job(
                JobState.OPEN,
                NOW.plus(Duration.ofMinutes(30)),
                numbers(NumberState.QUEUED, 10),
                chunk(ChunkState.QUEUED, null)),
            NOW);
    assertThat(p.phase()).isEqualTo(JobPhase.SCHEDULED);
    assertThat(p.live()).isTrue();
  }

  @Test
  void aDueJobWithChunksLeftIsSending() {
    JobProgress p =
        JobProgress.of(
            job(
                JobState.OPEN,
                null,
                numbers(NumberState.QUEUED, 10),
                chunk(ChunkState.SUBMITTING, null)),
            NOW);
    assertThat(p.phase()).isEqualTo(JobPhase.SENDING);
  }

  @Test
  void aJobHandedToTheGatewayWaitsForItsReceiptsNotFinished() {
    Map<NumberState, Long> counts = numbers(NumberState.SUBMITTED, 7);
    counts.put(NumberState.DELIVERED, 3L);
    JobProgress p =
        JobProgress.of(
            job(JobState.FINISHED, null, counts, chunk(ChunkState.SUBMITTED, NOW.minusSeconds(60))),
            NOW);
    assertThat(p.phase()).isEqualTo(JobPhase.AWAITING_RECEIPTS);
    assertThat(p.awaiting()).isEqualTo(7);
    assertThat(p.unknown()).isZero();
    assertThat(p.waitUntil()).isEqualTo(NOW.minusSeconds(60).plus(JobProgress.RECEIPT_WAIT));
    assertThat(p.live()).isTrue();
  }

  @Test
  void aJobIsFinishedWhenTheLastReceiptIsIn() {
    Map<NumberState, Long> counts = numbers(NumberState.DELIVERED, 8);
    counts.put(NumberState.FAILED, 2L);
    JobProgress p =
        JobProgress.of(
            job(JobState.FINISHED, null, counts, chunk(ChunkState.SUBMITTED, NOW.minusSeconds(60))),
            NOW);
    assertThat(p.phase()).isEqualTo(JobPhase.FINISHED);
    assertThat(p).extracting("delivered", "failed", "unknown").containsExactly(8L, 2L, 0L);
    assertThat(p.live()).isFalse();
  }

  @Test
  void aDayAfterTheLastSubmitNumbersWithoutReceiptCountAsUnknown() {
    Map<NumberState, Long> counts = numbers(NumberState.SUBMITTED, 4);
    counts.put(NumberState.DELIVERED, 5L);
    counts.put(NumberState.UNKNOWN, 1L);
    Instant submitted = NOW.minus(JobProgress.RECEIPT_WAIT).minusSeconds(1);
    JobProgress p =
        JobProgress.of(
            job(JobState.FINISHED, null, counts, chunk(ChunkState.SUBMITTED, submitted)), NOW);
    assertThat(p.phase()).isEqualTo(JobPhase.FINISHED);
    assertThat(p.unknown()).isEqualTo(5);
    assertThat(p.awaiting()).isZero();
    assertThat(p.live()).isFalse();
  }

  @Test
  void aJobCancelledBeforeAnySubmitIsCancelledAndAPartlySentOneFollowsItsReceipts() {
    JobProgress cancelled =
        JobProgress.of(
            job(
                JobState.CANCELLED,
                NOW.plusSeconds(600),
                numbers(NumberState.CANCELLED, 10),
                chunk(ChunkState.CANCELLED, null)),
            NOW);
    assertThat(cancelled.phase()).isEqualTo(JobPhase.CANCELLED);
    assertThat(cancelled.live()).isFalse();

    Map<NumberState, Long> counts = numbers(NumberState.CANCELLED, 5);
    counts.put(NumberState.SUBMITTED, 5L);
    JobProgress partly =
        JobProgress.of(
            job(
                JobState.CANCELLED,
                null,
                counts,
                chunk(ChunkState.SUBMITTED, NOW.minusSeconds(5)),
                chunk(ChunkState.CANCELLED, null)),
            NOW);
    assertThat(partly.phase()).isEqualTo(JobPhase.AWAITING_RECEIPTS);
    assertThat(partly.notSent()).isEqualTo(5);
  }

  @Test
  void aRefusedJobIsFinishedWithNothingSent() {
    JobProgress p =
        JobProgress.of(
            job(
                JobState.FINISHED,
                null,
                numbers(NumberState.REJECTED, 3),
                chunk(ChunkState.REJECTED, NOW.minusSeconds(5))),
            NOW);
    assertThat(p.phase()).isEqualTo(JobPhase.FINISHED);
    assertThat(p.notSent()).isEqualTo(3);
    assertThat(p.submitted()).isZero();
  }

  private static Map<NumberState, Long> numbers(NumberState state, long count) {
    Map<NumberState, Long> counts = new EnumMap<>(NumberState.class);
    counts.put(state, count);
    return counts;
  }

  private static ChunkView chunk(ChunkState state, Instant answeredAt) {
    return new ChunkView(
        1,
        1,
        state,
        10,
        answeredAt == null ? 0 : 1,
        NOW,
        answeredAt,
        answeredAt,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static JobView job(
      JobState state, Instant sendTime, Map<NumberState, Long> counts, ChunkView... chunks) {
    int total = (int) counts.values().stream().mapToLong(Long::longValue).sum();
    return new JobView(
        1,
        1,
        "【聚合云】hi",
        sendTime,
        "",
        state,
        total,
        1,
        chunks.length,
        NOW.minusSeconds(3600),
        "acme",
        0,
        0,
        Map.copyOf(counts),
        List.of(chunks));
  }
}
