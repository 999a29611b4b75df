package com.smsportal.replies;

import com.smsportal.database.SettledTail;
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
 * tails them (the HTTP API, issue 25). Only replies settled by {@link SettledTail}'s rule, so a
 * reply committed late by a concurrent ingest is not skipped; empty outside a tenant.
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
    return SettledTail.after(
        jdbc,
        "reply",
        "id, account_id, received_at, mobile, content, extno, job_id, opt_out, fetched_at",
        ReplyFeed::row,
        tenant,
        since,
        limit,
        settleSeconds);
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
