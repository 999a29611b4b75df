package com.smsportal.tenant;

import com.smsportal.gateway.GatewayCharset;
import java.time.Instant;

/** A gateway endpoint as pages show it. Its base URL is shown to the operator's staff only. */
public record EndpointView(
    long id,
    String name,
    String baseUrl,
    GatewayCharset defaultCharset,
    String note,
    boolean active,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    String updatedBy) {}
