package com.smsportal.polling;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The pollers in trouble, for support's dashboard: the active accounts whose last poll failed (the
 * poller counts failures since its last success), with the readable sentence of the error ({@link
 * PollerErrors}). One query over the stored poller state, across all tenants (native SQL, not
 * filtered by tenant: for the operator's staff only); nothing asks the gateway.
 */
@Service
public class PollerHealth {

  /** Failing pollers listed at most. */
  static final int SHOWN = 50;

  private final JdbcTemplate jdbc;
  private final PollerErrors errors;

  PollerHealth(JdbcTemplate jdbc, PollerErrors errors) {
    this.jdbc = jdbc;
    this.errors = errors;
  }

  /**
   * An account whose last poll failed.
   *
   * @param failures failed rounds since the last success
   * @param error the stored error, as {@link PollerErrors#of} reads it
   */
  public record FailingPoller(
      long accountId,
      String accountName,
      long tenantId,
      String tenantName,
      Instant lastErrorAt,
      Instant lastSuccessAt,
      int failures,
      String error) {}

  /** Longest failing first. */
  public List<FailingPoller> failing() {
    return jdbc.query(
        "select p.account_id, a.name as account_name, t.id as tenant_id, t.name as tenant_name,"
            + " p.last_error_at, p.last_success_at, p.failures, p.last_error from poller_state p"
            + " join gateway_account a on a.id = p.account_id"
            + " join tenant t on t.id = a.tenant_id"
            + " where p.failures > 0 and a.active = true"
            + " order by p.failures desc, a.id limit "
            + SHOWN,
        PollerHealth::row);
  }

  /**
   * An active account of an active tenant without a successful poll since {@code since}: its last
   * success (null: never, counted from the account's creation).
   */
  public record SilentAccount(
      long accountId,
      String accountName,
      long tenantId,
      String tenantName,
      Instant lastSuccessAt) {}

  /**
   * The active accounts of active tenants whose last successful poll (or, never polled, their
   * creation) is older than {@code cutoff}, oldest first (issue 26: the admins' notice).
   */
  public List<SilentAccount> silentSince(Instant cutoff) {
    return jdbc.query(
        "select a.id, a.name, t.id as tenant_id, t.name as tenant_name, p.last_success_at"
            + " from gateway_account a join tenant t on t.id = a.tenant_id"
            + " left join poller_state p on p.account_id = a.id"
            + " where a.active = true and t.status = 'ACTIVE'"
            + " and coalesce(p.last_success_at, a.created_at) < ?"
            + " order by a.id limit 500",
        (rs, n) ->
            new SilentAccount(
                rs.getLong(1),
                rs.getString(2),
                rs.getLong(3),
                rs.getString(4),
                instant(rs, "last_success_at")),
        LocalDateTime.ofInstant(cutoff, ZoneOffset.UTC));
  }

  /** The sentence of a stored error in the reader's language, and the gateway's own words. */
  public PollerErrors.Shown explain(FailingPoller poller) {
    return errors.of(poller.error());
  }

  private static FailingPoller row(ResultSet rs, int n) throws SQLException {
    return new FailingPoller(
        rs.getLong("account_id"),
        rs.getString("account_name"),
        rs.getLong("tenant_id"),
        rs.getString("tenant_name"),
        instant(rs, "last_error_at"),
        instant(rs, "last_success_at"),
        rs.getInt("failures"),
        rs.getString("last_error"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    LocalDateTime value = rs.getObject(column, LocalDateTime.class);
    return value == null ? null : value.toInstant(ZoneOffset.UTC);
  }
}
