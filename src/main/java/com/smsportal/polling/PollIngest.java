package com.smsportal.polling;

import com.smsportal.gateway.GatewayClient;
import com.smsportal.gateway.GatewayException;
import com.smsportal.gateway.Replies;
import com.smsportal.gateway.StatusReport;
import com.smsportal.gateway.StatusReports;
import com.smsportal.replies.ReplyIngest;
import com.smsportal.sending.DeliveryOutcomes;
import com.smsportal.sending.OptOuts;
import com.smsportal.tenant.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a stored answer and stores its items, all in one transaction with marking the answer
 * processed: a stop half-way leaves it NEW, to be processed again, and storing is idempotent
 * (unique keys), so nothing is lost and nothing is counted twice. A new reply that is an opt-out
 * word puts its number on the tenant's opt-out list. An answer that cannot be read is flagged for
 * an administrator; items too long for their columns are left out and the answer flagged, never
 * silently cut.
 */
@Component
class PollIngest {

  private static final Logger log = LoggerFactory.getLogger(PollIngest.class);

  private final RawInbox inbox;
  private final JdbcTemplate jdbc;
  private final DeliveryOutcomes outcomes;
  private final ReplyIngest replies;
  private final OptOuts optOuts;
  private final TransactionTemplate tx;
  private final Clock clock;

  PollIngest(
      RawInbox inbox,
      JdbcTemplate jdbc,
      DeliveryOutcomes outcomes,
      ReplyIngest replies,
      OptOuts optOuts,
      TransactionTemplate tx,
      Clock clock) {
    this.inbox = inbox;
    this.jdbc = jdbc;
    this.outcomes = outcomes;
    this.replies = replies;
    this.optOuts = optOuts;
    this.tx = tx;
    this.clock = clock;
  }

  /** What processing one answer gave. */
  record Result(int items, boolean readable) {}

  Result process(StoredAnswer answer) {
    if (answer.state() != InboxState.NEW) {
      return new Result(0, answer.state() != InboxState.UNPARSEABLE);
    }
    try {
      return TenantContext.callAs(
          answer.tenantId(),
          () ->
              switch (answer.kind()) {
                case REPORTS -> reports(answer, GatewayClient.readStatusReports(answer.body()));
                case REPLIES -> replies(answer, GatewayClient.readReplies(answer.body()));
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

  private Result reports(StoredAnswer answer, StatusReports read) {
    List<String> refused = new ArrayList<>();
    List<StatusReport> storable = storable(read.reports(), PollIngest::problem, refused);
    Instant now = clock.instant();
    tx.executeWithoutResult(
        status -> {
          Map<String, Long> jobs =
              outcomes.jobsOfTasks(
                  answer.accountId(), storable.stream().map(StatusReport::taskId).toList());
          List<Object[]> rows = new ArrayList<>(storable.size());
          List<DeliveryOutcomes.Outcome> told = new ArrayList<>(storable.size());
          for (StatusReport report : storable) {
            Instant receivedAt =
                report.receivedAt() == null ? answer.fetchedAt() : report.receivedAt();
            rows.add(
                new Object[] {
                  answer.tenantId(),
                  answer.accountId(),
                  answer.id(),
                  report.taskId(),
                  report.mobile(),
                  report.status(),
                  nz(report.receiveTime()),
                  RawInbox.utc(receivedAt),
                  nz(report.errorCode()),
                  nz(report.extno()),
                  RawInbox.utc(answer.fetchedAt()),
                  jobs.get(report.taskId())
                });
            if (jobs.containsKey(report.taskId())) {
              told.add(
                  new DeliveryOutcomes.Outcome(
                      report.taskId(),
                      report.mobile(),
                      report.delivered(),
                      nz(report.errorCode()),
                      receivedAt));
            }
          }
          if (!rows.isEmpty()) {
            jdbc.batchUpdate(
                "insert into status_report (tenant_id, account_id, inbox_id, task_id, mobile,"
                    + " status, receive_time, received_at, error_code, extno, fetched_at, job_id)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " on duplicate key update id = id",
                rows);
          }
          outcomes.record(answer.accountId(), told);
          inbox.markProcessed(answer.id(), read.reports().size(), now, refusedProblem(refused));
        });
    return new Result(read.reports().size(), true);
  }

  private Result replies(StoredAnswer answer, Replies read) {
    List<String> refused = new ArrayList<>();
    List<com.smsportal.gateway.Reply> storable =
        storable(read.replies(), PollIngest::problem, refused);
    Instant now = clock.instant();
    tx.executeWithoutResult(
        status -> {
          Map<String, Long> jobs =
              outcomes.jobsOfTasks(
                  answer.accountId(),
                  storable.stream().map(r -> nz(r.taskId())).filter(t -> !t.isEmpty()).toList());
          for (ReplyIngest.NewReply reply :
              replies.ingest(
                  answer.tenantId(),
                  answer.accountId(),
                  answer.id(),
                  storable,
                  answer.fetchedAt(),
                  jobs)) {
            if (reply.optOut()) {
              // Committed on its own before the reply: a stop in between lists the number and
              // stores the reply when the answer is processed again, never the other way round.
              optOuts.addFromReply(reply.mobile(), reply.id());
            }
          }
          inbox.markProcessed(answer.id(), read.replies().size(), now, refusedProblem(refused));
        });
    return new Result(read.replies().size(), true);
  }

  /** The items that can be stored; the problems of the others go to {@code refused}. */
  private static <T> List<T> storable(
      List<T> items, java.util.function.Function<T, String> problem, List<String> refused) {
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

  private static String problem(com.smsportal.gateway.Reply reply) {
    String taskId = reply.taskId() == null ? "" : reply.taskId();
    return fieldProblem(reply.mobile(), taskId, reply.receiveTime(), reply.extno(), "", 32);
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

  private static String nz(String value) {
    return value == null ? "" : value;
  }
}
