package com.smsportal.tenant;

import com.smsportal.gateway.GatewayCharset;
import java.time.Instant;

/** What pages and other modules may know of a gateway account: everything but the password. */
public record GatewayAccountView(
    long id,
    long tenantId,
    String name,
    String baseUrl,
    GatewayCharset charset,
    String userid,
    String account,
    int chunkSize,
    boolean extnoSupported,
    boolean active,
    Long lowBalanceThreshold,
    Instant createdAt,
    Instant updatedAt) {}
