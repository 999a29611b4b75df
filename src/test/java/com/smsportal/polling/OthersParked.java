package com.smsportal.polling;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * For a test that runs a poller schedule on the shared test database: only its own accounts due.
 */
final class OthersParked {

  private OthersParked() {}

  /**
   * Leaves only these accounts due while it is open: every other account in the shared database
   * (other test classes' accounts, many of them at gateways long gone) gets its next round an hour
   * away, and is given back its own time on close, so that a test's pool holds only its accounts.
   */
  static AutoCloseable whileOpen(JdbcTemplate jdbc, List<Long> due) {
    java.time.LocalDateTime away =
        java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).plusHours(1);
    String notDue =
        " not in (" + String.join(",", java.util.Collections.nCopies(due.size(), "?")) + ")";
    List<Map<String, Object>> kept =
        jdbc.queryForList(
            "select account_id, next_poll_at from poller_state where account_id" + notDue,
            due.toArray());
    List<Map<String, Object>> added =
        jdbc.queryForList(
            "select id, tenant_id from gateway_account where id not in"
                + " (select account_id from poller_state) and id"
                + notDue,
            due.toArray());
    for (Map<String, Object> row : kept) {
      jdbc.update(
          "update poller_state set next_poll_at = ? where account_id = ?",
          away,
          row.get("account_id"));
    }
    for (Map<String, Object> row : added) {
      jdbc.update(
          "insert into poller_state (account_id, tenant_id, failures, fetched_today, next_poll_at)"
              + " values (?, ?, 0, 0, ?)",
          row.get("id"),
          row.get("tenant_id"),
          away);
    }
    return () -> {
      for (Map<String, Object> row : kept) {
        jdbc.update(
            "update poller_state set next_poll_at = ? where account_id = ?",
            row.get("next_poll_at"),
            row.get("account_id"));
      }
      for (Map<String, Object> row : added) {
        jdbc.update("delete from poller_state where account_id = ?", row.get("id"));
      }
    };
  }
}
