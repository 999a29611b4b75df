package com.smsportal.api.key;

import com.smsportal.api.ApiProperties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * Each key's request rate on this node: a token bucket of {@code burst} requests refilled at {@code
 * requests-per-second}. A request over it is answered 429 with the seconds until the next token.
 * Per node, by design: a cluster of n nodes lets a key through at most n times the rate, and a
 * node's restart forgets nothing that matters.
 */
@Component
class KeyRate {

  private final ConcurrentMap<Long, Bucket> buckets = new ConcurrentHashMap<>();
  private final ApiProperties properties;

  KeyRate(ApiProperties properties) {
    this.properties = properties;
  }

  /** 0 when the request may go ahead (its token taken), else the seconds to wait. */
  long acquire(long keyId) {
    return buckets
        .computeIfAbsent(
            keyId, id -> new Bucket(properties.burst(), properties.requestsPerSecond()))
        .take(System.nanoTime());
  }

  private static final class Bucket {

    private final double capacity;
    private final double perNano;
    private double tokens;
    private long last;

    Bucket(int capacity, int perSecond) {
      this.capacity = capacity;
      this.perNano = perSecond / 1e9;
      this.tokens = capacity;
      this.last = System.nanoTime();
    }

    synchronized long take(long now) {
      tokens = Math.min(capacity, tokens + (now - last) * perNano);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e9));
    }
  }
}
