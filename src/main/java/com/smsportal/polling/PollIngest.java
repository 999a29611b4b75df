package com.smsportal.polling;

import com.smsportal.gateway.GatewayClient;
import com.smsportal.gateway.GatewayException;
import com.smsportal.gateway.Reply;
import com.smsportal.gateway.StatusReport;
import com.smsportal.receipts.StatusReports;
import com.smsportal.replies.Replies;
import com.smsportal.tenant.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a stored answer and hands its items to the module that stores them ({@link StatusReports}
 * in receipts, {@link Replies} in replies), all in one transaction with marking the answer
 * processed: a stop half-way leaves it NEW, to be processed again, and storing is idempotent
 * (unique keys), so nothing is lost and nothing is counted twice. An answer that cannot be read is
 * flagged for an administrator; items too long for their columns are left out and the answer
 * flagged, never silently cut.
 */
@Component
class PollIngest {

  private static final Logger log = LoggerFactory.getLogger(PollIngest.class);

  private final RawInbox inbox;
  private final StatusReports reports;
  private final Replies replies;
  private final TransactionTemplate tx;
  private final Clock clock;

  PollIngest(
      RawInbox inbox, StatusReports reports, Replies replies, TransactionTemplate tx, Clock clock) {
    this.inbox = inbox;
    this.reports = reports;
    this.replies = replies;
    this.tx = tx;
    this.clock = clock;
  }

  /** What processing one answer gave. */
  record Result(int items, boolean readable) {}

  /** Stores the storable items of one answer, in the transaction that marks it processed. */
  private interface Ingest<T> {
    void store(long tenantId, long accountId, long inboxId, List<T> items, Instant fetchedAt);
  }

  Result process(StoredAnswer answer) {
    if (answer.state() != InboxState.NEW) {
      return new Result(0, answer.state() != InboxState.UNPARSEABLE);
    }
    try {
      return TenantContext.callAs(
          answer.tenantId(),
          () ->
              switch (answer.kind()) {
                case REPORTS ->
                    store(
                        answer,
                        GatewayClient.readStatusReports(answer.body()).reports(),
                        PollIngest::problem,
                        reports::ingest);
                case REPLIES ->
                    store(
                        answer,
                        GatewayClient.readReplies(answer.body()).replies(),
                        PollIngest::problem,
                        replies::ingest);
              });
    } catch (GatewayException unreadable) {
      log.warn(
          "Stored answer {} of account {} ({}) cannot be read: {}; kept for an administrator",
          answer.id(),
          answer.accountId(),
          answer.kind(),
          unreadable.getMessage());
      inbox.markUnparseable(
          answer.id(), clock.instant(), unreadable.error() + ": " + unreadable.getMessage());
      return new Result(0, false);
    }
  }

  private <T> Result store(
      StoredAnswer answer, List<T> items, Function<T, String> problem, Ingest<T> ingest) {
    List<String> refused = new ArrayList<>();
    List<T> storable = storable(items, problem, refused);
    Instant now = clock.instant();
    tx.executeWithoutResult(
        status -> {
          ingest.store(
              answer.tenantId(), answer.accountId(), answer.id(), storable, answer.fetchedAt());
          inbox.markProcessed(answer.id(), items.size(), now, refusedProblem(refused));
        });
    return new Result(items.size(), true);
  }

  /** The items that can be stored; the problems of the others go to {@code refused}. */
  private static <T> List<T> storable(
      List<T> items, Function<T, String> problem, List<String> refused) {
    List<T> storable = new ArrayList<>(items.size());
    for (T item : items) {
      String why = problem.apply(item);
      if (why == null) {
        storable.add(item);
      } else {
        refused.add(why);
      }
    }
    return storable;
  }

  private static String problem(StatusReport report) {
    return fieldProblem(
        report.mobile(),
        report.taskId(),
        report.receiveTime(),
        report.extno(),
        report.errorCode(),
        32);
  }

  private static String problem(Reply reply) {
    return fieldProblem(
        reply.mobile(),
        Objects.toString(reply.taskId(), ""),
        reply.receiveTime(),
        reply.extno(),
        "",
        32);
  }

  /** Why an item cannot be stored as it is, or null if it can. */
  private static String fieldProblem(
      String mobile, String taskId, String receiveTime, String extno, String code, int codeMax) {
    if (mobile == null || mobile.isBlank() || mobile.length() > 20) {
      return "mobile " + shorten(mobile);
    }
    if (taskId == null || taskId.length() > 64) {
      return "taskid " + shorten(taskId);
    }
    if (receiveTime != null && receiveTime.length() > 32) {
      return "receivetime " + shorten(receiveTime);
    }
    if (extno != null && extno.length() > 20) {
      return "extno " + shorten(extno);
    }
    if (code != null && code.length() > codeMax) {
      return "errorcode " + shorten(code);
    }
    return null;
  }

  private static String refusedProblem(List<String> refused) {
    if (refused.isEmpty()) {
      return null;
    }
    return refused.size()
        + " item(s) not stored, kept in this answer: "
        + String.join("; ", refused.subList(0, Math.min(5, refused.size())));
  }

  private static String shorten(String value) {
    if (value == null) {
      return "missing";
    }
    return "'" + (value.length() <= 40 ? value : value.substring(0, 40) + "…") + "'";
  }
}
