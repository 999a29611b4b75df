package com.smsportal.polling;

import com.smsportal.web.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the poller knows of each account: last attempt, success and error, the back-off after
 * errors, and the items fetched today (China Standard Time). One node writes an account's row at a
 * time (it holds the account's lock).
 */
@Component
class PollerStates {

  private final JdbcTemplate jdbc;

  PollerStates(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One account's row. */
  record State(
      long accountId,
      long tenantId,
      Instant lastAttemptAt,
      Instant lastSuccessAt,
      Instant lastErrorAt,
      String lastError,
      int failures,
      Instant nextPollAt,
      LocalDate fetchedDay,
      long fetchedToday) {

    long fetchedOn(LocalDate day) {
      return day.equals(fetchedDay) ? fetchedToday : 0;
    }
  }

  /** Starts a round; the account's row exists from here on (the other updates rely on it). */
  void attempted(long accountId, long tenantId, Instant at) {
    ensure(accountId, tenantId);
    jdbc.update(
        "update poller_state set last_attempt_at = ? where account_id = ?",
        RawInbox.utc(at),
        accountId);
  }

  /** Counts items as they are stored, so a round cut short still counts what it took. */
  void fetched(long accountId, Instant at, int items) {
    if (items == 0) {
      return;
    }
    LocalDate today = LocalDate.ofInstant(at, Times.ZONE);
    jdbc.update(
        "update poller_state set fetched_today = case when fetched_day = ? then fetched_today + ?"
            + " else ? end, fetched_day = ? where account_id = ?",
        today,
        items,
        items,
        today,
        accountId);
  }

  void succeeded(long accountId, Instant at, Instant next) {
    jdbc.update(
        "update poller_state set last_success_at = ?, failures = 0, next_poll_at = ?"
            + " where account_id = ?",
        RawInbox.utc(at),
        RawInbox.utc(next),
        accountId);
  }

  /** Records an error and when to try again. */
  void failed(long accountId, long tenantId, Instant at, String error, Instant next) {
    ensure(accountId, tenantId);
    jdbc.update(
        "update poller_state set last_error_at = ?, last_error = ?, failures = failures + 1,"
            + " next_poll_at = ? where account_id = ?",
        RawInbox.utc(at),
        error.length() <= 500 ? error : error.substring(0, 500),
        RawInbox.utc(next),
        accountId);
  }

  int failures(long accountId) {
    List<Integer> found =
        jdbc.queryForList(
            "select failures from poller_state where account_id = ?", Integer.class, accountId);
    return found.isEmpty() ? 0 : found.get(0);
  }

  Map<Long, State> all() {
    Map<Long, State> states = new HashMap<>();
    for (State state : jdbc.query("select * from poller_state", PollerStates::row)) {
      states.put(state.accountId(), state);
    }
    return states;
  }

  private void ensure(long accountId, long tenantId) {
    if (jdbc.queryForObject(
            "select count(*) from poller_state where account_id = ?", Integer.class, accountId)
        > 0) {
      return;
    }
    try {
      jdbc.update(
          "insert into poller_state (account_id, tenant_id, failures, fetched_today)"
              + " values (?, ?, 0, 0)",
          accountId,
          tenantId);
    } catch (DuplicateKeyException alreadyThere) {
      // Another node's first round of the same account; its row serves.
    }
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    LocalDateTime value = rs.getObject(column, LocalDateTime.class);
    return value == null ? null : value.toInstant(ZoneOffset.UTC);
  }

  private static State row(ResultSet rs, int n) throws SQLException {
    return new State(
        rs.getLong("account_id"),
        rs.getLong("tenant_id"),
        instant(rs, "last_attempt_at"),
        instant(rs, "last_success_at"),
        instant(rs, "last_error_at"),
        rs.getString("last_error"),
        rs.getInt("failures"),
        instant(rs, "next_poll_at"),
        rs.getObject("fetched_day", LocalDate.class),
        rs.getLong("fetched_today"));
  }
}
