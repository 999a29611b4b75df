package com.smsportal.sending.worker;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * What one gateway account may submit on this node (Resilience4j, named {@code account-<id>}, with
 * their metrics): at most {@code smsportal.sending.submits-per-second} submits per second, and one
 * submit at a time (the vendor serves one connection per account), so that an account that is slow
 * or hangs holds back only its own chunks.
 *
 * <p>These guards, like their metrics, are this node's only. What holds across the cluster (one
 * submit in flight per account, and the rate counted over every node's submits) comes from the
 * account's send lease in the database ({@link SendLeases}), which each submit passes as well.
 */
@Component
class SubmitGuards {

  private final RateLimiterRegistry rates;
  private final BulkheadRegistry bulkheads;

  @Autowired
  SubmitGuards(SendingProperties properties, ObjectProvider<MeterRegistry> meters) {
    this(properties.submitsPerSecond(), properties.rateWait(), meters);
  }

  SubmitGuards(int submitsPerSecond, Duration rateWait, ObjectProvider<MeterRegistry> meters) {
    this.rates =
        RateLimiterRegistry.of(
            RateLimiterConfig.custom()
                .limitForPeriod(Math.max(1, submitsPerSecond))
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(rateWait)
                .build());
    this.bulkheads =
        BulkheadRegistry.of(
            BulkheadConfig.custom()
                .maxConcurrentCalls(1)
                .maxWaitDuration(Duration.ZERO)
                .writableStackTraceEnabled(false)
                .build());
    meters.ifAvailable(
        registry -> {
          TaggedRateLimiterMetrics.ofRateLimiterRegistry(rates).bindTo(registry);
          TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(registry);
        });
  }

  /**
   * Waits for the account's next submit permit, at most {@code smsportal.sending.rate-wait};
   * whether one came (if not, the chunk waits for the account's next turn).
   */
  boolean awaitRate(long accountId) {
    return rate(accountId).acquirePermission();
  }

  RateLimiter rate(long accountId) {
    return rates.rateLimiter(name(accountId));
  }

  /** The account's one submit at a time; acquire without waiting, release when the call ends. */
  Bulkhead oneAtATime(long accountId) {
    return bulkheads.bulkhead(name(accountId));
  }

  private static String name(long accountId) {
    return "account-" + accountId;
  }
}
