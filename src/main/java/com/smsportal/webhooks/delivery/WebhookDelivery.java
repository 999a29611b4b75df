package com.smsportal.webhooks.delivery;

import com.smsportal.tenant.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.hibernate.annotations.DynamicUpdate;

/**
 * One event for one endpoint, as the delivery log shows it and a manual redeliver changes it. The
 * outbox writes it and the worker records its attempts with plain SQL ({@link DeliveryLedger});
 * this entity is the pages' view, filtered by Hibernate to the current tenant.
 */
@Entity
@Table(name = "webhook_delivery")
@DynamicUpdate
public class WebhookDelivery extends TenantOwned {

  @Id private Long id;

  @Column(name = "endpoint_id", nullable = false, updatable = false)
  private long endpointId;

  @Column(name = "event_id", nullable = false, updatable = false, length = 64)
  private String eventId;

  @Column(name = "event_type", nullable = false, updatable = false, length = 40)
  private String eventType;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(nullable = false, length = 16)
  private String state;

  @Column(nullable = false, updatable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "retry_until", nullable = false)
  private Instant retryUntil;

  @Column(name = "last_attempt_at", updatable = false)
  private Instant lastAttemptAt;

  @Column(name = "last_status", updatable = false)
  private Integer lastStatus;

  @Column(name = "last_latency_ms", updatable = false)
  private Long lastLatencyMs;

  @Column(name = "last_summary", updatable = false, length = 200)
  private String lastSummary;

  protected WebhookDelivery() {}

  /** Due again now, with a fresh retry window; its event id (webhook-id) stays. */
  void redeliver(Instant now, Duration retryFor) {
    this.state = "PENDING";
    this.nextAttemptAt = now;
    this.retryUntil = now.plus(retryFor);
  }

  public long getEndpointId() {
    return endpointId;
  }

  DeliveryView toView() {
    return new DeliveryView(
        id,
        eventId,
        eventType,
        createdAt,
        state,
        attempts,
        lastAttemptAt,
        lastStatus,
        lastLatencyMs,
        lastSummary,
        "PENDING".equals(state) ? nextAttemptAt : null);
  }
}
