package com.smsportal.receipts;

import com.smsportal.tenant.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current tenant's status reports in the order they were stored (ascending id), for a client
 * that tails them (the HTTP API, issue 25): each call continues after the last id it saw.
 *
 * <p>Ids are taken at insert, but concurrent ingests commit in any order: a report with a smaller
 * id may become visible after a larger one was read, and a tail that had moved past it would never
 * see it. So a page holds only reports stored at least {@code settleSeconds} ago by the database's
 * own clock ({@code stored_at}), and stops before the first younger one: an ingest transaction
 * shorter than the settle window can never commit a row below the page's end. Plain SQL with the
 * tenant named explicitly (the time arithmetic is the database's); empty outside a tenant.
 */
@Service
public class ReceiptFeed {

  private final JdbcTemplate jdbc;

  ReceiptFeed(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** At most {@code limit} settled reports with an id above {@code since}, ascending by id. */
  @Transactional(readOnly = true)
  public List<ReceiptView> after(long since, int limit, int settleSeconds) {
    long tenant = TenantContext.current();
    if (tenant == TenantContext.ALL_TENANTS || tenant == TenantContext.NO_TENANT) {
      return List.of();
    }
    return jdbc.query(
        "SELECT id, account_id, received_at, mobile, task_id, status, error_code, extno, job_id,"
            + " fetched_at FROM status_report WHERE tenant_id = ? AND id > ?"
            + " AND stored_at < TIMESTAMPADD(SECOND, ?, CURRENT_TIMESTAMP(6))"
            + " AND id < COALESCE((SELECT MIN(y.id) FROM status_report y WHERE y.tenant_id = ?"
            + " AND y.id > ? AND y.stored_at >= TIMESTAMPADD(SECOND, ?, CURRENT_TIMESTAMP(6))),"
            + " 9223372036854775807) ORDER BY id LIMIT ?",
        ReceiptFeed::row,
        tenant,
        since,
        -settleSeconds,
        tenant,
        since,
        -settleSeconds,
        limit);
  }

  private static ReceiptView row(ResultSet rs, int n) throws SQLException {
    long job = rs.getLong("job_id");
    Long jobId = rs.wasNull() ? null : job;
    return new ReceiptView(
        rs.getLong("id"),
        rs.getLong("account_id"),
        rs.getObject("received_at", java.time.LocalDateTime.class).toInstant(ZoneOffset.UTC),
        rs.getString("mobile"),
        rs.getString("task_id"),
        rs.getInt("status"),
        rs.getString("error_code"),
        rs.getString("extno"),
        jobId,
        rs.getObject("fetched_at", java.time.LocalDateTime.class).toInstant(ZoneOffset.UTC));
  }
}
