package com.smsportal.sending;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A send a program asks for (the HTTP API, issue 25) rather than the compose page: checked by the
 * very review the page's confirmation runs (signatures, opt-outs, limits, blocked words, charset)
 * and stored by the same {@link SendJobs}. There is no confirmation page, so {@link #check} says
 * what the page would confirm without storing anything, and {@link #submit} checks and stores in
 * one step. Implemented in {@code sending.compose}; filtered by the current tenant.
 */
public interface RequestedSends {

  /** Reviews the request; stores nothing. */
  Outcome check(SendRequest request);

  /**
   * Reviews the request and, when nothing is objected to, stores it as a job under its idempotency
   * key (a repeat finds the earlier job and stores nothing).
   */
  Outcome submit(SendRequest request);

  /**
   * What a program sends: {@code mobiles} with {@code content}, or a {@code templateId} (an
   * approved template, its text the content) with {@code recipients} and their placeholders'
   * values.
   *
   * @param accountId null: the tenant's only gateway account
   * @param sendTime as the compose form reads it ({@code yyyy-MM-dd HH:mm} or ISO), null: now
   */
  record SendRequest(
      Long accountId,
      List<String> mobiles,
      String content,
      Long templateId,
      List<Recipient> recipients,
      String sendTime,
      String extno,
      String idempotencyKey) {}

  /** One recipient of a template send and the values of its placeholders. */
  record Recipient(String mobile, Map<String, String> values) {}

  /**
   * One objection: the request's field (the API's own names: {@code accountId}, {@code mobiles},
   * {@code content}, {@code templateId}, {@code recipients}, {@code sendTime}, {@code extno}) and a
   * message key of the sending bundle with its arguments.
   */
  record Objection(String field, String messageKey, List<Object> arguments) {}

  /**
   * What the confirmation page shows.
   *
   * @param texts distinct texts (1 unless personalised)
   * @param billedSegments segments of every message: what a prepaid account is charged
   * @param calls the gateway's send calls
   * @param balance the balance the gateway answered, null for a postpaid account
   * @param limited recipients at a flood limit per number (issue 26): the job holds them back
   */
  record Summary(
      long accountId,
      int recipients,
      int invalid,
      int duplicates,
      int optedOut,
      int texts,
      long billedSegments,
      long calls,
      Long balance,
      Instant sendTime,
      String signature,
      int limited) {}

  /**
   * The objections (none: accepted), the summary (when the review got that far) and, after a
   * submit, the job.
   */
  record Outcome(List<Objection> objections, Summary summary, Long jobId, boolean repeated) {

    public boolean accepted() {
      return objections.isEmpty();
    }
  }
}
