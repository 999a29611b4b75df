package com.smsportal.user.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;

/**
 * The table {@code login_counter} as a sign-in uses it, one counter ({@link LoginCounter}) at a
 * time: every login counter of every node, changed only by single statements the database applies
 * atomically, each in a transaction of its own ({@link OwnTransaction}). The administrators' view
 * and the clean-up read and delete many at once ({@link LoginRecords}, {@link
 * LoginRecordsCleanup}).
 *
 * <p>A {@link #reserve reservation} counts an attempt before its credential is checked: one
 * conditional {@code UPDATE … SET attempts = attempts + 1 … WHERE blocked_until is past}, its rows
 * affected telling whether the attempt may go ahead. The statement that takes the {@code max}-th
 * attempt also sets {@code blocked_until}, so of any burst exactly {@code max} go ahead. The first
 * attempt inserts the row; two first attempts at once: the loser's insert fails on the key and it
 * updates like the rest. A success then {@link #release releases} its attempt or {@link #clear
 * clears} the counter.
 *
 * <p>Every assignment of the update reads only columns assigned after it, because MySQL applies a
 * single-table update's assignments left to right with the new values while H2 (like the standard)
 * reads the old ones: written this way both give the same result.
 */
@Component
class LoginCounters {

  /**
   * What a reservation found: whether the attempt may go ahead, the count after it, and the end of
   * the block (which this very attempt may have begun).
   */
  record Reservation(LoginCounter counter, boolean granted, int attempts, Instant blockedUntil) {

    boolean blocksAt(Instant now) {
      return blockedUntil != null && blockedUntil.isAfter(now);
    }
  }

  private final NamedParameterJdbcTemplate jdbc;
  private final OwnTransaction ownTransaction;

  LoginCounters(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new OwnTransaction(transactions);
  }

  /**
   * Counts an attempt unless the counter is blocked now. The {@code max}-th attempt (counted since
   * the last quiet {@code window}) blocks the counter until {@code now + blocks[0]}, each further
   * one (let through once the block has passed) until {@code now + blocks[1]}, … the last element
   * repeating. A burst sees exactly as many granted as the counter has room for.
   *
   * <p>A counter the database could not answer for (a deadlock or lock timeout, retried {@value
   * OwnTransaction#ROUNDS} times) refuses the attempt for a second: never an uncounted attempt,
   * never an error.
   */
  Reservation reserve(
      LoginCounter counter, int max, Duration window, List<Duration> blocks, Instant now) {
    for (int round = 0; round < OwnTransaction.ROUNDS; round++) {
      try {
        Optional<Reservation> done = tryReserve(counter, max, window, blocks, now);
        if (done.isPresent()) {
          return done.get();
        }
      } catch (TransientDataAccessException | TransactionException busy) {
        // Another attempt holds the row: the next round tries again.
      }
    }
    return new Reservation(counter, false, max, now.plusSeconds(1));
  }

  private Optional<Reservation> tryReserve(
      LoginCounter counter, int max, Duration window, List<Duration> blocks, Instant now) {
    long at = now.toEpochMilli();
    MapSqlParameterSource params =
        new MapSqlParameterSource("key", counter.key())
            .addValue("now", at)
            .addValue("quiet", at - window.toMillis())
            .addValue("max", max);
    // The attempts that still count: none once the counter has been quiet a whole window.
    String counted = "(CASE WHEN last_at < :quiet THEN 0 ELSE attempts END)";
    StringBuilder block = new StringBuilder();
    for (int i = 0; i < blocks.size(); i++) {
      params.addValue("b" + i, at + blocks.get(i).toMillis());
    }
    if (blocks.size() == 1) {
      block.append(":b0");
    } else {
      block.append("CASE (").append(counted).append(" + 1 - :max)");
      for (int i = 0; i < blocks.size() - 1; i++) {
        block.append(" WHEN ").append(i).append(" THEN :b").append(i);
      }
      block.append(" ELSE :b").append(blocks.size() - 1).append(" END");
    }
    String update =
        "UPDATE login_counter SET blocked_until = CASE WHEN "
            + counted
            + " + 1 >= :max THEN "
            + block
            + " ELSE NULL END, attempts = "
            + counted
            + " + 1, last_at = :now"
            + " WHERE counter_key = :key AND (blocked_until IS NULL OR blocked_until <= :now)";
    Reservation granted =
        ownTransaction.once(
            status -> jdbc.update(update, params) == 1 ? read(counter, true).orElse(null) : null);
    if (granted != null) {
      return Optional.of(granted);
    }
    Optional<Reservation> existing = ownTransaction.once(status -> read(counter, false));
    if (existing.isPresent()) {
      Reservation refused = existing.get();
      // Blocked when the update ran; a block that has passed since: the next round counts it.
      return refused.blocksAt(now) ? existing : Optional.empty();
    }
    Long blockedUntil = max <= 1 ? at + blocks.get(0).toMillis() : null;
    try {
      ownTransaction.once(
          status ->
              jdbc.update(
                  "INSERT INTO login_counter"
                      + " (counter_key, kind, username, client, attempts, blocked_until, last_at)"
                      + " VALUES (:key, :kind, :username, :client, 1, :blocked, :now)",
                  new MapSqlParameterSource("key", counter.key())
                      .addValue("kind", counter.kind().name())
                      .addValue("username", counter.username())
                      .addValue("client", counter.client())
                      .addValue("blocked", blockedUntil)
                      .addValue("now", at)));
    } catch (DataIntegrityViolationException anotherFirstAttempt) {
      return Optional.empty();
    }
    return Optional.of(
        new Reservation(
            counter, true, 1, blockedUntil == null ? null : Instant.ofEpochMilli(blockedUntil)));
  }

  private Optional<Reservation> read(LoginCounter counter, boolean granted) {
    return jdbc
        .query(
            "SELECT attempts, blocked_until FROM login_counter WHERE counter_key = :key",
            new MapSqlParameterSource("key", counter.key()),
            (rs, n) -> {
              long until = rs.getLong(2);
              return new Reservation(
                  counter,
                  granted,
                  rs.getInt(1),
                  rs.wasNull() ? null : Instant.ofEpochMilli(until));
            })
        .stream()
        .findFirst();
  }

  /**
   * Gives back an attempt that turned out not to be a failure (the right password, or an attempt
   * another counter refused); below {@code max} again, the block it may have begun goes too.
   */
  void release(LoginCounter counter, int max) {
    ownTransaction.retried(
        () ->
            jdbc.update(
                "UPDATE login_counter SET blocked_until = CASE WHEN attempts - 1 < :max THEN NULL"
                    + " ELSE blocked_until END, attempts = CASE WHEN attempts > 0 THEN attempts - 1"
                    + " ELSE 0 END WHERE counter_key = :key",
                new MapSqlParameterSource("key", counter.key()).addValue("max", max)));
  }

  /** Forgets the counter (a success, or an administrator lifting a lock). */
  void clear(LoginCounter counter) {
    ownTransaction.retried(
        () ->
            jdbc.update(
                "DELETE FROM login_counter WHERE counter_key = :key",
                new MapSqlParameterSource("key", counter.key())));
  }

  /** Notes the moment of a success (the {@link LoginCounter.Kind#KNOWN} counters). */
  void touch(LoginCounter counter, Instant now) {
    MapSqlParameterSource params =
        new MapSqlParameterSource("key", counter.key())
            .addValue("kind", counter.kind().name())
            .addValue("username", counter.username())
            .addValue("client", counter.client())
            .addValue("now", now.toEpochMilli());
    ownTransaction.retried(
        () -> {
          if (jdbc.update(
                  "UPDATE login_counter SET last_at = :now WHERE counter_key = :key", params)
              == 0) {
            try {
              jdbc.update(
                  "INSERT INTO login_counter"
                      + " (counter_key, kind, username, client, attempts, blocked_until, last_at)"
                      + " VALUES (:key, :kind, :username, :client, 0, NULL, :now)",
                  params);
            } catch (DataIntegrityViolationException touchedAtTheSameTime) {
              // The other success wrote the same moment.
            }
          }
          return 1;
        });
  }

  /** When the counter last counted, if it exists. */
  Optional<Instant> lastAt(LoginCounter counter) {
    return jdbc
        .query(
            "SELECT last_at FROM login_counter WHERE counter_key = :key",
            new MapSqlParameterSource("key", counter.key()),
            (rs, n) -> Instant.ofEpochMilli(rs.getLong(1)))
        .stream()
        .findFirst();
  }

  /** The end of the counter's block, if it is blocked now. */
  Optional<Instant> blockedUntil(LoginCounter counter, Instant now) {
    return jdbc
        .query(
            "SELECT blocked_until FROM login_counter WHERE counter_key = :key"
                + " AND blocked_until > :now",
            new MapSqlParameterSource("key", counter.key()).addValue("now", now.toEpochMilli()),
            (rs, n) -> Instant.ofEpochMilli(rs.getLong(1)))
        .stream()
        .findFirst();
  }
}
