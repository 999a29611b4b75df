package com.smsportal.receipts;

import com.smsportal.gateway.StatusReport;
import com.smsportal.mobile.MobileNumber;
import com.smsportal.sending.DeliveryOutcomes;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The receipts module's ingest facade: stores the status reports of one fetched answer, each once
 * (a report fetched twice or replayed from the spool hits its unique key and changes nothing), and
 * tells the sent numbers their outcome. A report's number is kept as the portal reads numbers
 * ({@link MobileNumber#reported}), so a report the gateway wrote with 86 in front still finds the
 * number that was sent and is found by a search for it. A system task (the poller) with the tenant
 * known from the account; plain SQL for speed (reports come 4,000 at a time).
 */
@Service
public class StatusReports {

  /** Rows per INSERT: 6,000 parameters, far within MariaDB's packet and H2's limits. */
  static final int ROWS = 500;

  private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final JdbcTemplate jdbc;
  private final DeliveryOutcomes outcomes;
  private final ApplicationEventPublisher events;

  StatusReports(JdbcTemplate jdbc, DeliveryOutcomes outcomes, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.outcomes = outcomes;
    this.events = events;
  }

  /**
   * Records the reports' outcomes on the numbers they are about and stores the reports with the
   * send job each matched, in the caller's transaction, and tells the listeners of {@link
   * StatusReportsStored} in it.
   *
   * @param fetchedAt when the answer was fetched: the time of a report that names none
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void ingest(
      long tenantId, long accountId, long inboxId, List<StatusReport> reports, Instant fetchedAt) {
    List<DeliveryOutcomes.Outcome> told = new ArrayList<>(reports.size());
    for (StatusReport report : reports) {
      told.add(
          new DeliveryOutcomes.Outcome(
              report.taskId(),
              MobileNumber.reported(report.mobile()),
              report.delivered(),
              Objects.toString(report.errorCode(), ""),
              receivedAt(report, fetchedAt)));
    }
    Map<String, Long> jobs = outcomes.record(accountId, told);
    List<Object[]> rows = new ArrayList<>(reports.size());
    List<StatusReportsStored.Report> stored = new ArrayList<>(reports.size());
    LocalDateTime fetched = utc(fetchedAt);
    for (StatusReport report : reports) {
      // Each value read once: the stored row and the listeners' report say the same.
      String mobile = MobileNumber.reported(report.mobile());
      String receiveTime = Objects.toString(report.receiveTime(), "");
      Instant received = receivedAt(report, fetchedAt);
      String errorCode = Objects.toString(report.errorCode(), "");
      String extno = Objects.toString(report.extno(), "");
      Long job = jobs.get(report.taskId());
      stored.add(
          new StatusReportsStored.Report(
              accountId
                  + "/"
                  + report.taskId()
                  + "/"
                  + mobile
                  + "/"
                  + report.status()
                  + "/"
                  + receiveTime,
              report.taskId(),
              mobile,
              report.status(),
              report.delivered(),
              errorCode,
              received,
              extno,
              job));
      rows.add(
          new Object[] {
            tenantId,
            accountId,
            inboxId,
            report.taskId(),
            mobile,
            report.status(),
            receiveTime,
            utc(received),
            errorCode,
            extno,
            fetched,
            job
          });
    }
    if (!rows.isEmpty()) {
      insert(rows);
      events.publishEvent(new StatusReportsStored(tenantId, accountId, stored));
    }
  }

  /**
   * The rows in multi-row statements of {@link #ROWS} (issue 27: one round trip per few hundred
   * reports whatever the JDBC URL says, where a JDBC batch without Connector/J's
   * rewriteBatchedStatements made one per report); a report stored before hits its unique key and
   * changes nothing.
   */
  private void insert(List<Object[]> rows) {
    for (int from = 0; from < rows.size(); from += ROWS) {
      List<Object[]> part = rows.subList(from, Math.min(rows.size(), from + ROWS));
      StringBuilder sql =
          new StringBuilder(
              "insert into status_report (tenant_id, account_id, inbox_id, task_id, mobile,"
                  + " status, receive_time, received_at, error_code, extno, fetched_at, job_id)"
                  + " values ");
      List<Object> args = new ArrayList<>(part.size() * 12);
      for (Object[] row : part) {
        sql.append(args.isEmpty() ? ROW : ", " + ROW);
        Collections.addAll(args, row);
      }
      jdbc.update(sql.append(" on duplicate key update id = id").toString(), args.toArray());
    }
  }

  private static Instant receivedAt(StatusReport report, Instant fetchedAt) {
    return report.receivedAt() == null ? fetchedAt : report.receivedAt();
  }

  /** DATETIME columns hold UTC, whatever the JVM's zone (as Hibernate writes them). */
  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
