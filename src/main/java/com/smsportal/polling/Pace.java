package com.smsportal.polling;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many status reports to ask an account's gateway for at a time ({@code statusNum}): as many as
 * arrive in about {@code answer-time} at the rate its last large answer came, between {@value
 * #FEWEST} and the configured {@code status-num}. The gateway forgets an answer's reports as it
 * sends them, so what is on its way at a death is lost unless it arrived; a small answer keeps that
 * little on a slow link, while a fast link keeps asking for the most. Only answers of at least
 * {@value #SAMPLE_BYTES} bytes are measured (a small one arrives in one piece and says nothing of
 * the link), from the first byte of the body to the last. Per node, in memory: a restarted node
 * asks for the most once and learns again.
 */
final class Pace {

  static final int FEWEST = 100;
  static final long SAMPLE_BYTES = 64 * 1024;

  private final int most;
  private final double answerSeconds;
  private final Map<Long, Double> itemsPerSecond = new ConcurrentHashMap<>();

  Pace(int most, Duration answerTime) {
    this.most = Math.max(1, most);
    this.answerSeconds = answerTime.toNanos() / 1e9;
  }

  /** The statusNum for the account's next fetch. */
  int statusNum(long accountId) {
    Double rate = itemsPerSecond.get(accountId);
    if (rate == null) {
      return most;
    }
    long wanted = Math.round(rate * answerSeconds);
    return (int) Math.max(Math.min(FEWEST, most), Math.min(most, wanted));
  }

  /** An answer arrived: {@code items} in {@code bytes}, its body over {@code transferNanos}. */
  void observe(long accountId, int items, long bytes, long transferNanos) {
    if (items <= 0 || bytes < SAMPLE_BYTES) {
      return;
    }
    double seconds = Math.max(transferNanos, 1_000_000L) / 1e9;
    itemsPerSecond.put(accountId, items / seconds);
  }
}
