package com.smsportal.notifications.mail;

import com.smsportal.node.NodeIdentity;
import com.smsportal.notifications.NoticeKind;
import com.smsportal.notifications.NotificationsProperties;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the mail worker reads and writes of the outbox ({@code notice_mail}), across users (a system
 * task; every statement bound to a row id). A row is sent only by the node that claimed it: the
 * claim is one conditional update (pending, due, and not claimed by a node whose claim still runs:
 * {@code lease_until}, the database's clock), so of two nodes that pick the same row at once only
 * one sends it. A row marked SENT is never claimed again.
 */
@Component
class MailLedger {

  private final JdbcTemplate jdbc;
  private final NodeIdentity node;
  private final long leaseMicros;

  MailLedger(JdbcTemplate jdbc, NodeIdentity node, NotificationsProperties properties) {
    this.jdbc = jdbc;
    this.node = node;
    this.leaseMicros = properties.leaseFor().toNanos() / 1000;
  }

  /** A claimed mail: what its message needs. */
  record Mail(
      long id,
      String address,
      String language,
      int attempts,
      NoticeKind kind,
      String params,
      String link) {

    @Override
    public String toString() {
      return "Mail[" + id + ", " + kind + "]";
    }
  }

  /** Pending mails due now, oldest first. */
  List<Long> due(Instant now, int max) {
    return jdbc.queryForList(
        "select id from notice_mail where state = 'PENDING' and next_attempt_at <= ?"
            + " and (lease_until is null or lease_until < CURRENT_TIMESTAMP(3))"
            + " order by state, next_attempt_at, id limit ?",
        Long.class,
        utc(now),
        max);
  }

  /** Claims the mail for this node; empty if another node has it, or it is no longer due. */
  Optional<Mail> claim(long id, Instant now) {
    int claimed =
        jdbc.update(
            "update notice_mail set lease_owner = ?,"
                + " lease_until = TIMESTAMPADD(MICROSECOND, ?, CURRENT_TIMESTAMP(3))"
                + " where id = ? and state = 'PENDING' and next_attempt_at <= ?"
                + " and (lease_until is null or lease_until < CURRENT_TIMESTAMP(3))",
            node.id(),
            leaseMicros,
            id,
            utc(now));
    if (claimed != 1) {
      return Optional.empty();
    }
    return jdbc
        .query(
            "select m.id, m.address, m.language, m.attempts, n.kind, n.params, n.link"
                + " from notice_mail m join notice n on n.id = m.notice_id where m.id = ?",
            (rs, n) ->
                new Mail(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getInt(4),
                    NoticeKind.valueOf(rs.getString(5)),
                    rs.getString(6),
                    rs.getString(7)),
            id)
        .stream()
        .findFirst();
  }

  /** The server took the mail: never sent again. */
  void sent(long id, Instant at) {
    jdbc.update(
        "update notice_mail set state = 'SENT', sent_at = ?, attempts = attempts + 1,"
            + " last_error = null, lease_owner = null, lease_until = null"
            + " where id = ? and state = 'PENDING'",
        utc(at),
        id);
  }

  /** The attempt failed: tried again at {@code retryAt}, or FAILED when that is null. */
  void failed(long id, Instant retryAt, String error) {
    jdbc.update(
        "update notice_mail set state = ?, attempts = attempts + 1,"
            + " next_attempt_at = coalesce(?, next_attempt_at), last_error = ?,"
            + " lease_owner = null, lease_until = null where id = ? and state = 'PENDING'",
        retryAt == null ? "FAILED" : "PENDING",
        retryAt == null ? null : utc(retryAt),
        error,
        id);
  }

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
