package com.smsportal.audit;

import java.time.Instant;

/** A recorded event as pages and exports show it. */
public record AuditRecord(
    long id,
    Instant occurredAt,
    String actor,
    String actorRole,
    Long tenantId,
    String tenantName,
    AuditAction action,
    String target,
    AuditOutcome outcome,
    String clientIp,
    String detail) {}
