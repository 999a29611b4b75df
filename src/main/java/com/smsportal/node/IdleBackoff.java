package com.smsportal.node;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The pace of a loop that looks in the database for work (issue 27: an idle node's cost): it still
 * ticks every {@code base}, but a tick runs a round only when one is due. After a round that found
 * work the next is due at the next tick; after each round that found none the wait doubles, up to
 * {@code max}, so an idle node asks the database a few times less. Work this node makes itself
 * {@linkplain #wake() wakes} the loop for its next tick (after the commit that makes the work
 * visible); work another node makes waits at most {@code max} plus a tick, and work known to come
 * due at a time ({@link #ranIdle(Duration)}) is not waited for beyond that time.
 *
 * <p>A wake-up during a round is kept for the next tick, so work committed while a round was
 * looking is never left waiting for the longest wait.
 */
public final class IdleBackoff {

  private final long base;
  private final long max;
  private final LongSupplier nanoTime;
  private volatile boolean woken = true;
  private long wait;
  private long lastRound;
  private boolean ran;
  private long nextWorkAt;
  private boolean nextWorkKnown;
  private long rounds;

  /**
   * @param base the loop's tick, the wait after a round that found work
   * @param max the longest wait after rounds that found none; not more than {@code base}: no
   *     back-off
   */
  public IdleBackoff(Duration base, Duration max) {
    this(base, max, System::nanoTime);
  }

  IdleBackoff(Duration base, Duration max, LongSupplier nanoTime) {
    this.base = base.toNanos();
    this.max = Math.max(this.base, max.toNanos());
    this.nanoTime = nanoTime;
    this.wait = this.base;
  }

  /** Whether a round is due at this tick: the first, after a wake-up, or after the wait. */
  public synchronized boolean due() {
    long now = nanoTime.getAsLong();
    if (woken) {
      woken = false;
      return true;
    }
    if (!ran || now - lastRound >= wait) {
      return true;
    }
    return nextWorkKnown && now - nextWorkAt >= 0;
  }

  /** After a round that found work: the next is due at the next tick. */
  public synchronized void ranBusy() {
    record(base);
  }

  /** After a round that found nothing to do: the wait doubles, up to {@code max}. */
  public synchronized void ranIdle() {
    record(Math.min(max, wait * 2));
  }

  /**
   * After a round that found nothing to do now, but work that comes due in {@code nextWorkIn} (a
   * scheduled send, an account's next poll): the wait doubles, and a round is due at that time if
   * it comes first.
   */
  public synchronized void ranIdle(Duration nextWorkIn) {
    ranIdle();
    nextWorkAt = lastRound + Math.max(0, nextWorkIn.toNanos());
    nextWorkKnown = true;
  }

  /** How many rounds have run (for tests). */
  public synchronized long rounds() {
    return rounds;
  }

  /** The wait after the last round (for tests and logs). */
  public synchronized Duration currentWait() {
    return Duration.ofNanos(wait);
  }

  /**
   * Makes a round due at the next tick: at once, or after the commit of the transaction under way,
   * if any (the round must see what it made).
   */
  public void wake() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              woken = true;
            }
          });
    } else {
      woken = true;
    }
  }

  private void record(long next) {
    lastRound = nanoTime.getAsLong();
    ran = true;
    rounds++;
    wait = next;
    nextWorkKnown = false;
  }
}
