package com.smsportal.api;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The HTTP API's settings ({@code smsportal.api.*}, README "HTTP API").
 *
 * @param requestsPerSecond each key's sustained rate, per node
 * @param burst how many requests a key may make at once before the rate applies
 * @param feedSettle how old a receipt or reply must be (by the database's clock) before a tail
 *     returns it: longer than any ingest transaction, so no row commits behind a tail's cursor
 * @param maxPageSize the most rows a page of numbers, receipts or replies holds
 */
@ConfigurationProperties("smsportal.api")
public record ApiProperties(
    @DefaultValue("10") int requestsPerSecond,
    @DefaultValue("20") int burst,
    @DefaultValue("5s") Duration feedSettle,
    @DefaultValue("500") int maxPageSize) {

  public ApiProperties {
    requestsPerSecond = Math.max(1, requestsPerSecond);
    burst = Math.max(1, burst);
    maxPageSize = Math.max(1, maxPageSize);
  }

  /** The settle window in whole seconds, at least one. */
  public int settleSeconds() {
    return (int) Math.max(1, (feedSettle.toMillis() + 999) / 1000);
  }
}
