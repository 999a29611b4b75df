package com.smsportal.replies;

import java.time.Instant;

/**
 * One reply as the replies page and export show it.
 *
 * @param content written by a member of the public: show it escaped only
 * @param jobId the send job the reply answered, or null when it matched none
 * @param optOut whether the reply asked for no more messages
 */
public record ReplyRow(
    long id,
    Instant receivedAt,
    String mobile,
    String content,
    String extno,
    Long jobId,
    boolean optOut,
    Instant fetchedAt) {}
