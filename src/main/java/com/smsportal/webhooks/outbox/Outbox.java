package com.smsportal.webhooks.outbox;

import com.smsportal.webhooks.WebhookEventType;
import com.smsportal.webhooks.WebhooksProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes events as deliveries, in the caller's transaction (the one that stores what they tell of):
 * one row per event and active endpoint of the tenant subscribed to its type, in one batch, so that
 * 4,000 reports of an answer cost one query for the endpoints and one batched insert, and a tenant
 * without endpoints costs one query. An event's id is derived from what makes it one (a report's
 * identity, a reply's id), so an event written again (a replayed answer) is the same row.
 */
@Component
public class Outbox {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final WebhooksProperties properties;
  private final ApplicationEventPublisher events;

  Outbox(
      JdbcTemplate jdbc,
      Clock clock,
      WebhooksProperties properties,
      ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.properties = properties;
    this.events = events;
  }

  /**
   * Deliveries were written in the transaction under way: this node's delivery worker looks after
   * its commit instead of after its idle wait (issue 27).
   */
  public record DeliveriesWritten() {}

  /**
   * One event.
   *
   * @param key what makes it one event (its id is derived from it and its type)
   * @param at when it happened: the payload's {@code timestamp}
   * @param data the payload's {@code data}, in this order
   */
  public record Event(String key, Instant at, Map<String, Object> data) {}

  /** The tenant's active endpoints subscribed to this type (ids); empty when webhooks are off. */
  public List<Long> subscribers(long tenantId, WebhookEventType type) {
    return subscribers(tenantId).getOrDefault(type, List.of());
  }

  /** The tenant's active endpoints by the types they subscribe to; one query. */
  public Map<WebhookEventType, List<Long>> subscribers(long tenantId) {
    if (!properties.enabled()) {
      return Map.of();
    }
    Map<WebhookEventType, List<Long>> ids = new EnumMap<>(WebhookEventType.class);
    jdbc.query(
        "select id, events from webhook_endpoint where tenant_id = ? and active = true",
        rs -> {
          long id = rs.getLong(1);
          for (String event : rs.getString(2).split(",")) {
            WebhookEventType.ofWireName(event)
                .ifPresent(t -> ids.computeIfAbsent(t, k -> new ArrayList<>()).add(id));
          }
        },
        tenantId);
    return ids;
  }

  /** Writes the events for these endpoints of the tenant; nothing when there are none. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void write(
      long tenantId, List<Long> endpoints, WebhookEventType type, List<Event> events) {
    if (endpoints.isEmpty() || events.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    LocalDateTime created = utc(now);
    LocalDateTime until = utc(now.plus(properties.retryFor()));
    List<Object[]> rows = new ArrayList<>(events.size() * endpoints.size());
    for (Event event : events) {
      String id = eventId(type, event.key());
      String payload = payload(type, event);
      for (long endpoint : endpoints) {
        rows.add(
            new Object[] {
              tenantId, endpoint, id, type.wireName(), payload, created, created, until
            });
      }
    }
    jdbc.batchUpdate(
        "insert into webhook_delivery (tenant_id, endpoint_id, event_id, event_type, payload,"
            + " created_at, state, attempts, next_attempt_at, retry_until)"
            + " values (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)"
            + " on duplicate key update id = id",
        rows);
    this.events.publishEvent(new DeliveriesWritten());
  }

  /** The Standard Webhooks message id: {@code msg_} and 32 hex digits of the event's identity. */
  static String eventId(WebhookEventType type, String key) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest((type.wireName() + "\n" + key).getBytes(StandardCharsets.UTF_8));
      return "msg_" + HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The body, in the specification's recommended shape: {@code {type, timestamp, data}}. */
  static String payload(WebhookEventType type, Event event) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type.wireName());
    body.put("timestamp", event.at().toString());
    body.put("data", event.data());
    return JSON.writeValueAsString(body);
  }

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
