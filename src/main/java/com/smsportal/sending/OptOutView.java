package com.smsportal.sending;

import java.time.Instant;

/**
 * A number on the opt-out list, as pages show it.
 *
 * @param replyId the reply that asked for it, for {@link OptOutSource#REPLY}
 */
public record OptOutView(
    long id,
    String mobile,
    OptOutSource source,
    Long replyId,
    String note,
    Instant createdAt,
    String createdBy) {}
