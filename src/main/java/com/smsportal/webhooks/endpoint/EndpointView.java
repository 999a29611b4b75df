package com.smsportal.webhooks.endpoint;

import java.time.Instant;
import java.util.List;

/**
 * An endpoint as its pages show it (never its secret).
 *
 * @param disabledAt when the worker disabled it after failing for days, while it stays inactive
 */
public record EndpointView(
    long id,
    String url,
    List<String> events,
    boolean active,
    Instant createdAt,
    Instant updatedAt,
    String updatedBy,
    Instant failingSince,
    Instant disabledAt) {}
