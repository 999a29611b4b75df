package com.smsportal.polling;

import java.time.Instant;

/** An answer of a fetch-once queue as it was stored, with what became of it. */
public record StoredAnswer(
    long id,
    long tenantId,
    long accountId,
    InboxKind kind,
    String source,
    InboxState state,
    Instant fetchedAt,
    String body,
    Integer itemCount,
    Instant processedAt,
    String problem) {}
