package com.smsportal.receipts;

import com.smsportal.database.SettledTail;
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
 * that tails them (the HTTP API, issue 25): each call continues after the last id it saw. Only
 * reports settled by {@link SettledTail}'s rule, so a report committed late by a concurrent ingest
 * is not skipped; empty outside a tenant.
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
    return SettledTail.after(
        jdbc,
        "status_report",
        "id, account_id, received_at, mobile, task_id, status, error_code, extno, job_id,"
            + " fetched_at",
        ReceiptFeed::row,
        tenant,
        since,
        limit,
        settleSeconds);
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
