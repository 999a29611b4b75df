package com.smsportal.webhooks.delivery;

import java.time.Instant;

/**
 * A delivery as the log shows it: the event, its state, how many attempts, the last one's time,
 * HTTP status (null: no answer), latency and summary (a message key of the webhooks bundle when it
 * starts with {@code webhooks.}, else the receiver's cleaned status line), and when a pending one
 * is tried next.
 */
public record DeliveryView(
    long id,
    String eventId,
    String eventType,
    Instant createdAt,
    String state,
    int attempts,
    Instant lastAttemptAt,
    Integer lastStatus,
    Long lastLatencyMs,
    String lastSummary,
    Instant nextAttemptAt) {

  public boolean summaryIsKey() {
    return lastSummary != null && lastSummary.startsWith("webhooks.");
  }
}
