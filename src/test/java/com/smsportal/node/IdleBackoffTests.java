package com.smsportal.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** An idle loop asks less often, and never misses work this node made or knows to come due. */
class IdleBackoffTests {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final IdleBackoff pace =
      new IdleBackoff(Duration.ofSeconds(1), Duration.ofSeconds(4), now::get);

  @AfterEach
  void noSynchronizationLeft() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.clearSynchronization();
    }
  }

  @Test
  void anIdleLoopWaitsTwiceAsLongAfterEachEmptyRoundUpToTheLongestWait() {
    assertThat(pace.due()).as("the first tick").isTrue();
    pace.ranIdle();
    assertThat(roundsInTheNext(Duration.ofSeconds(2))).as("after one empty round").isEqualTo(1);
    pace.ranIdle();
    assertThat(pace.currentWait()).isEqualTo(Duration.ofSeconds(4));
    assertThat(roundsInTheNext(Duration.ofSeconds(4))).isEqualTo(1);
    pace.ranIdle();
    assertThat(pace.currentWait()).as("never longer than the longest wait").hasSeconds(4);
    assertThat(roundsInTheNext(Duration.ofSeconds(4))).isEqualTo(1);
  }

  @Test
  void aRoundThatFoundWorkMakesTheNextTickARound() {
    pace.due();
    pace.ranIdle();
    pace.ranIdle();
    pace.ranBusy();
    assertThat(roundsInTheNext(Duration.ofSeconds(1))).isEqualTo(1);
    assertThat(pace.currentWait()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aWakeUpMakesTheNextTickARoundEvenOneThatCameDuringTheRound() {
    pace.due();
    pace.ranIdle();
    pace.ranIdle();
    tick(Duration.ofSeconds(1));
    pace.wake();
    assertThat(pace.due()).as("woken: this node made work").isTrue();
    // Woken while that round looks (the work committed after its read): the next tick looks again.
    pace.wake();
    pace.ranIdle();
    tick(Duration.ofSeconds(1));
    assertThat(pace.due()).isTrue();
    pace.ranIdle();
    tick(Duration.ofSeconds(1));
    assertThat(pace.due()).as("one wake-up, one round").isFalse();
  }

  @Test
  void aWakeUpInATransactionCountsOnlyOnceItHasCommitted() {
    pace.due();
    pace.ranIdle();
    TransactionSynchronizationManager.initSynchronization();
    pace.wake();
    tick(Duration.ofSeconds(1));
    assertThat(pace.due()).as("the work is not visible yet").isFalse();
    TransactionSynchronizationManager.getSynchronizations()
        .forEach(TransactionSynchronization::afterCommit);
    assertThat(pace.due()).isTrue();
  }

  @Test
  void workKnownToComeDueIsNotWaitedForPastItsTime() {
    pace.due();
    pace.ranIdle();
    pace.ranIdle();
    pace.ranIdle(Duration.ofMillis(1500)); // a scheduled send, an account's next poll
    tick(Duration.ofMillis(1400));
    assertThat(pace.due()).isFalse();
    tick(Duration.ofMillis(100));
    assertThat(pace.due()).isTrue();
  }

  /** Ticks every 100 ms for {@code span} and counts the rounds run (each found nothing). */
  private int roundsInTheNext(Duration span) {
    int rounds = 0;
    for (long t = 0; t < span.toMillis(); t += 100) {
      tick(Duration.ofMillis(100));
      if (pace.due()) {
        rounds++;
        if (t + 100 < span.toMillis()) {
          pace.ranIdle();
        }
      }
    }
    return rounds;
  }

  private void tick(Duration by) {
    now.addAndGet(by.toNanos());
  }
}
