package com.smsportal.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A benchmark's peak heap while it runs: the used heap sampled every few milliseconds (garbage
 * included) and the heap pools' own peaks, reset at the start (each pool peaks at its own moment,
 * so their sum is an upper bound). Run the benchmark with {@code -Xmx} capped to prove a bound.
 */
final class HeapWatch {

  final AtomicLong sampledPeak = new AtomicLong();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread;

  HeapWatch(long everyMillis) {
    System.gc();
    heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    Runtime runtime = Runtime.getRuntime();
    thread =
        new Thread(
            () -> {
              while (running.get()) {
                sampledPeak.accumulateAndGet(
                    runtime.totalMemory() - runtime.freeMemory(), Math::max);
                try {
                  Thread.sleep(everyMillis);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "heap-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  void stop() throws InterruptedException {
    running.set(false);
    thread.join();
  }

  long poolPeaks() {
    return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP)
        .toList();
  }
}
