package com.smsportal.sending.worker;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * At most so many submits per second and gateway account, on this node: the next submit waits until
 * the oldest of the last few is a second old.
 */
class SubmitRate {

  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  private final int perSecond;
  private final Map<Long, Deque<Long>> recent = new HashMap<>();

  SubmitRate(int perSecond) {
    this.perSecond = Math.max(1, perSecond);
  }

  void acquire(long accountId) throws InterruptedException {
    while (true) {
      long wait;
      synchronized (this) {
        Deque<Long> times = recent.computeIfAbsent(accountId, id -> new ArrayDeque<>());
        long now = System.nanoTime();
        while (!times.isEmpty() && now - times.peekFirst() >= SECOND) {
          times.pollFirst();
        }
        if (times.size() < perSecond) {
          times.addLast(now);
          return;
        }
        wait = SECOND - (now - times.peekFirst());
      }
      TimeUnit.NANOSECONDS.sleep(Math.max(1, wait));
    }
  }
}
