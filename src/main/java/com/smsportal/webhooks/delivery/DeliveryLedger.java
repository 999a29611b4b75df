package com.smsportal.webhooks.delivery;

import com.smsportal.node.NodeHeartbeat;
import com.smsportal.node.NodeIdentity;
import com.smsportal.webhooks.WebhooksProperties;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the delivery worker reads and writes, across tenants (a system task; plain SQL, every
 * statement bound to an endpoint or delivery id). An endpoint's deliveries are worked by the one
 * node holding its lease ({@code lease_owner} until {@code lease_until}, the database's clock,
 * compared only in SQL as the send leases are): taken only if free, expired, this node's own (its
 * dead predecessor's, after a restart) or held by a node whose heartbeat is older than {@code
 * smsportal.node.dead-after}; renewed before each batch.
 */
@Component
class DeliveryLedger {

  private final JdbcTemplate jdbc;
  private final NodeIdentity node;
  private final long leaseMicros;
  private final long deadMicros;

  DeliveryLedger(
      JdbcTemplate jdbc,
      NodeIdentity node,
      NodeHeartbeat heartbeat,
      WebhooksProperties properties) {
    this.jdbc = jdbc;
    this.node = node;
    this.leaseMicros = properties.leaseFor().toNanos() / 1000;
    this.deadMicros = heartbeat.deadAfter().toNanos() / 1000;
  }

  /** A pending delivery at the head of its endpoint's queue. */
  record Due(
      long id,
      long tenantId,
      String eventId,
      String payload,
      int attempts,
      Instant nextAttemptAt,
      Instant retryUntil) {}

  /** What an endpoint's worker needs of it. */
  record Endpoint(long id, long tenantId, String url, String secretSealed) {}

  /** Active endpoints with a pending delivery due now. */
  List<Long> dueEndpoints(Instant now) {
    return jdbc.queryForList(
        "select e.id from webhook_endpoint e where e.active = true and exists (select 1 from"
            + " webhook_delivery d where d.endpoint_id = e.id and d.state = 'PENDING'"
            + " and d.next_attempt_at <= ?) order by e.id",
        Long.class,
        utc(now));
  }

  /** Takes or renews the endpoint's lease for this node; whether it holds it now. */
  boolean lease(long endpointId) {
    return jdbc.update(
            "update webhook_endpoint set lease_owner = ?,"
                + " lease_until = TIMESTAMPADD(MICROSECOND, ?, CURRENT_TIMESTAMP(3))"
                + " where id = ? and (lease_owner is null or lease_owner = ?"
                + " or lease_until < CURRENT_TIMESTAMP(3) or lease_owner in (select node_id"
                + " from node_heartbeat where beat_at < TIMESTAMPADD(MICROSECOND, ?,"
                + " CURRENT_TIMESTAMP(3))))",
            node.id(),
            leaseMicros,
            endpointId,
            node.id(),
            -deadMicros)
        == 1;
  }

  void release(long endpointId) {
    jdbc.update(
        "update webhook_endpoint set lease_owner = null, lease_until = null"
            + " where id = ? and lease_owner = ?",
        endpointId,
        node.id());
  }

  Optional<Endpoint> endpoint(long endpointId) {
    return jdbc
        .query(
            "select id, tenant_id, url, secret_sealed from webhook_endpoint"
                + " where id = ? and active = true",
            (rs, n) -> new Endpoint(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)),
            endpointId)
        .stream()
        .findFirst();
  }

  /**
   * The endpoint's oldest pending deliveries, in order (due or not). Ordered by all three columns
   * of ix_webhook_delivery_pending (the same order, the first two being fixed): H2 reads the index
   * in order and stops after {@code max} rows only then; with {@code order by id} alone it read and
   * sorted every pending delivery of the endpoint at each batch (the benchmark's worker spent 92 %
   * of its time there, a backlog of 30,000 cost 30,000 rows per 100 delivered).
   */
  List<Due> head(long endpointId, int max) {
    return jdbc.query(
        "select id, tenant_id, event_id, payload, attempts, next_attempt_at, retry_until"
            + " from webhook_delivery where endpoint_id = ? and state = 'PENDING'"
            + " order by endpoint_id, state, id limit ?",
        (rs, n) ->
            new Due(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getInt(5),
                instant(rs.getObject(6, LocalDateTime.class)),
                instant(rs.getObject(7, LocalDateTime.class))),
        endpointId,
        max);
  }

  /** One attempt's outcome, as the log shows it. */
  record Attempt(long deliveryId, Instant at, Integer status, long latencyMs, String summary) {}

  /** These deliveries succeeded (one batch); the endpoint no longer fails. */
  void delivered(long endpointId, List<Attempt> attempts) {
    if (attempts.isEmpty()) {
      return;
    }
    jdbc.batchUpdate(
        "update webhook_delivery set state = 'DELIVERED', attempts = attempts + 1,"
            + " last_attempt_at = ?, last_status = ?, last_latency_ms = ?, last_summary = ?"
            + " where id = ? and state = 'PENDING'",
        attempts.stream()
            .map(
                a ->
                    new Object[] {
                      utc(a.at()), a.status(), a.latencyMs(), a.summary(), a.deliveryId()
                    })
            .toList());
    jdbc.update(
        "update webhook_endpoint set failing_since = null where id = ? and failing_since is not"
            + " null",
        endpointId);
  }

  /**
   * The attempt failed: the delivery is tried again at {@code retryAt}, or FAILED when that is
   * null. Returns since when the endpoint has been failing without a success.
   */
  Instant failed(long endpointId, Attempt attempt, Instant retryAt) {
    jdbc.update(
        "update webhook_delivery set state = ?, attempts = attempts + 1, next_attempt_at ="
            + " coalesce(?, next_attempt_at), last_attempt_at = ?, last_status = ?,"
            + " last_latency_ms = ?, last_summary = ? where id = ? and state = 'PENDING'",
        retryAt == null ? "FAILED" : "PENDING",
        retryAt == null ? null : utc(retryAt),
        utc(attempt.at()),
        attempt.status(),
        attempt.latencyMs(),
        attempt.summary(),
        attempt.deliveryId());
    jdbc.update(
        "update webhook_endpoint set failing_since = ? where id = ? and failing_since is null",
        utc(attempt.at()),
        endpointId);
    return jdbc.query(
        "select failing_since from webhook_endpoint where id = ?",
        rs -> rs.next() ? instant(rs.getObject(1, LocalDateTime.class)) : attempt.at(),
        endpointId);
  }

  /** Switches the endpoint off; whether this call did (not somebody before). */
  boolean disable(long endpointId, Instant at) {
    return jdbc.update(
            "update webhook_endpoint set active = false, disabled_at = ? where id = ?"
                + " and active = true",
            utc(at),
            endpointId)
        == 1;
  }

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(LocalDateTime utc) {
    return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
  }
}
