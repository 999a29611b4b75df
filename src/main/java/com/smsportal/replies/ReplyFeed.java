package com.smsportal.replies;

import com.smsportal.tenant.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current tenant's replies in the order they were stored (ascending id), for a client that
 * tails them (the HTTP API, issue 25). The same settle rule as {@code receipts.ReceiptFeed}: only
 * replies stored at least {@code settleSeconds} ago by the database's clock, and never past a
 * younger one, so a reply committed late by a concurrent ingest is not skipped.
 */
@Service
public class ReplyFeed {

  private final JdbcTemplate jdbc;

  ReplyFeed(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** At most {@code limit} settled replies with an id above {@code since}, ascending by id. */
  @Transactional(readOnly = true)
  public List<ReplyView> after(long since, int limit, int settleSeconds) {
    long tenant = TenantContext.current();
    if (tenant == TenantContext.ALL_TENANTS || tenant == TenantContext.NO_TENANT) {
      return List.of();
    }
    return jdbc.query(
        "SELECT id, account_id, received_at, mobile, content, extno, job_id, opt_out, fetched_at"
            + " FROM reply WHERE tenant_id = ? AND id > ?"
            + " AND stored_at < TIMESTAMPADD(SECOND, ?, CURRENT_TIMESTAMP(6))"
            + " AND id < COALESCE((SELECT MIN(y.id) FROM reply y WHERE y.tenant_id = ?"
            + " AND y.id > ? AND y.stored_at >= TIMESTAMPADD(SECOND, ?, CURRENT_TIMESTAMP(6))),"
            + " 9223372036854775807) ORDER BY id LIMIT ?",
        ReplyFeed::row,
        tenant,
        since,
        -settleSeconds,
        tenant,
        since,
        -settleSeconds,
        limit);
  }

  private static ReplyView row(ResultSet rs, int n) throws SQLException {
    long job = rs.getLong("job_id");
    Long jobId = rs.wasNull() ? null : job;
    return new ReplyView(
        rs.getLong("id"),
        rs.getLong("account_id"),
        rs.getObject("received_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
        rs.getString("mobile"),
        rs.getString("content"),
        rs.getString("extno"),
        jobId,
        rs.getBoolean("opt_out"),
        rs.getObject("fetched_at", LocalDateTime.class).toInstant(ZoneOffset.UTC));
  }
}
