package com.smsportal.polling;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The raw inbox: every answer of the fetch-once queues that carried anything, stored as it came and
 * committed before it is read. Rows are never deleted; an answer that cannot be read stays for an
 * administrator.
 */
@Component
class RawInbox {

  static final String POLL = "POLL";
  static final String SPOOL = "SPOOL";

  /** The complete items of an answer cut off by a death or a broken transfer ({@link Landing}). */
  static final String RECOVERED = "RECOVERED";

  private static final int PROBLEM = 500;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  RawInbox(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Stores an answer of this transfer once and commits it; returns its id, or that of the answer
   * already stored for the transfer (then nothing changes).
   *
   * @param transfer the id of the transfer it came in ({@link Landing.Transfer#id()}), or null
   */
  long store(
      long tenantId,
      long accountId,
      InboxKind kind,
      String source,
      Instant fetchedAt,
      String body,
      String transfer) {
    try {
      return ownTransaction.execute(
          status -> {
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.update(
                connection -> {
                  PreparedStatement s =
                      connection.prepareStatement(
                          "insert into poll_inbox (tenant_id, account_id, kind, source, state,"
                              + " fetched_at, body, transfer) values (?, ?, ?, ?, 'NEW', ?, ?, ?)",
                          Statement.RETURN_GENERATED_KEYS);
                  s.setLong(1, tenantId);
                  s.setLong(2, accountId);
                  s.setString(3, kind.name());
                  s.setString(4, source);
                  s.setObject(5, utc(fetchedAt));
                  s.setString(6, body);
                  s.setString(7, transfer);
                  return s;
                },
                key);
            return key.getKey().longValue();
          });
    } catch (DuplicateKeyException stored) {
      if (transfer == null) {
        throw stored;
      }
      return ofTransfer(transfer).orElseThrow(() -> stored);
    }
  }

  /** The answer stored for this transfer, if any. */
  Optional<Long> ofTransfer(String transfer) {
    return jdbc
        .queryForList("select id from poll_inbox where transfer = ?", Long.class, transfer)
        .stream()
        .findFirst();
  }

  Optional<StoredAnswer> find(long id) {
    return jdbc.query("select * from poll_inbox where id = ?", RawInbox::row, id).stream()
        .findFirst();
  }

  /** The oldest answers whose items are not stored yet. */
  List<Long> unprocessed(int limit) {
    return jdbc.queryForList(
        "select id from poll_inbox where state = 'NEW' order by id limit ?", Long.class, limit);
  }

  /** Within the caller's transaction, together with the items. */
  void markProcessed(long id, int items, Instant at, String problem) {
    jdbc.update(
        "update poll_inbox set state = 'PROCESSED', item_count = ?, processed_at = ?, problem = ?"
            + " where id = ?",
        items,
        utc(at),
        clip(problem),
        id);
  }

  void markUnparseable(long id, Instant at, String problem) {
    ownTransaction.executeWithoutResult(
        status ->
            jdbc.update(
                "update poll_inbox set state = 'UNPARSEABLE', processed_at = ?, problem = ?"
                    + " where id = ? and state = 'NEW'",
                utc(at),
                clip(problem),
                id));
  }

  /** Answers not processed yet, per account. */
  Map<Long, Long> backlog() {
    return countPerAccount("state = 'NEW'");
  }

  /** Items recovered from answers that were cut off, per account. */
  Map<Long, Long> recovered() {
    Map<Long, Long> items = new HashMap<>();
    jdbc.query(
        "select account_id, sum(coalesce(item_count, 0)) from poll_inbox where source = ?"
            + " group by account_id",
        rs -> {
          items.put(rs.getLong(1), rs.getLong(2));
        },
        RECOVERED);
    return items;
  }

  /** Answers that need an administrator (unreadable, or items that could not be stored). */
  Map<Long, Long> needingAttention() {
    return countPerAccount("state = 'UNPARSEABLE' or problem is not null");
  }

  /** The newest answers that need an administrator, without their bodies. */
  List<StoredAnswer> attention(int limit) {
    return jdbc.query(
        "select id, tenant_id, account_id, kind, source, state, fetched_at, '' as body, item_count,"
            + " processed_at, problem from poll_inbox"
            + " where state = 'UNPARSEABLE' or problem is not null order by id desc limit ?",
        RawInbox::row,
        limit);
  }

  private Map<Long, Long> countPerAccount(String where) {
    Map<Long, Long> counts = new HashMap<>();
    jdbc.query(
        "select account_id, count(*) from poll_inbox where " + where + " group by account_id",
        rs -> {
          counts.put(rs.getLong(1), rs.getLong(2));
        });
    return counts;
  }

  /** DATETIME columns hold UTC, whatever the JVM's zone (as Hibernate writes them); null stays. */
  static LocalDateTime utc(Instant instant) {
    return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static String clip(String text) {
    return text == null || text.length() <= PROBLEM ? text : text.substring(0, PROBLEM);
  }

  private static StoredAnswer row(ResultSet rs, int n) throws SQLException {
    LocalDateTime processed = rs.getObject("processed_at", LocalDateTime.class);
    int items = rs.getInt("item_count");
    Integer itemCount = rs.wasNull() ? null : items;
    return new StoredAnswer(
        rs.getLong("id"),
        rs.getLong("tenant_id"),
        rs.getLong("account_id"),
        InboxKind.valueOf(rs.getString("kind")),
        rs.getString("source"),
        InboxState.valueOf(rs.getString("state")),
        rs.getObject("fetched_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
        rs.getString("body"),
        itemCount,
        processed == null ? null : processed.toInstant(ZoneOffset.UTC),
        rs.getString("problem"));
  }
}
