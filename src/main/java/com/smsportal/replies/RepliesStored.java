package com.smsportal.replies;

import java.time.Instant;
import java.util.List;

/**
 * Published by {@link Replies#ingest} inside the transaction that stores the replies, once per
 * fetched answer, with the replies new in it (one seen before is not in it again), so that a
 * listener (the webhooks' outbox) writes what it keeps of them in the same transaction.
 */
public record RepliesStored(long tenantId, long accountId, List<Reply> replies) {

  /** One reply stored by this answer; {@code jobId} the send job it answers, or null. */
  public record Reply(
      long id,
      String taskId,
      String mobile,
      String content,
      Instant receivedAt,
      String extno,
      Long jobId,
      boolean optOut) {}
}
