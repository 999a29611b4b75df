package com.smsportal.replies;

import java.time.Instant;

/**
 * A reply for other modules' pages (the dashboard's latest replies).
 *
 * @param content written by a member of the public: show it escaped only
 * @param jobId the send job the reply answered, or null when it matched none
 * @param optOut whether the reply asked for no more messages
 */
public record ReplyView(
    long id, String mobile, String content, Instant receivedAt, Long jobId, boolean optOut) {}
