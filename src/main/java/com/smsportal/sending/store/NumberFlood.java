package com.smsportal.sending.store;

import com.smsportal.tenant.NumberLimits;
import com.smsportal.tenant.PerNumberLimits;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The counter of the flood limits per number (issue 26): per tenant and number, the messages sent
 * to it in its latest China-time minute, hour and day ({@link FloodWindows}), one row in {@code
 * number_flood}. Read without locks when a job is stored ({@link #reached}); counted when a chunk
 * goes ({@link #take}), in the transaction that claims it.
 *
 * <p>Why two submits can never together pass a limit, on any node: {@link #take} first upserts the
 * row of every number ({@code INSERT … ON DUPLICATE KEY UPDATE}, which takes the row's write lock
 * whether it inserts or finds it, on MariaDB and H2), then reads the rows again {@code FOR UPDATE}
 * (the latest committed values, not the transaction's snapshot) and adds one for each number under
 * its limits, before the claim commits. A second claim of the same number waits at its upsert until
 * the first has committed, and then reads its count. Numbers are locked in sorted order, so two
 * chunks that share numbers wait for each other instead of deadlocking. Per 500 numbers: three
 * statements (upsert, read, update), whatever their count.
 */
@Component
public class NumberFlood {

  private static final int SLICE = 500;
  private static final String COLUMNS =
      "mobile, minute_key, minute_sent, hour_key, hour_sent, day_key, day_sent";

  private final JdbcTemplate jdbc;
  private final SendNumberRepository numbers;
  private final PerNumberLimits numberLimits;

  NumberFlood(JdbcTemplate jdbc, SendNumberRepository numbers, PerNumberLimits numberLimits) {
    this.jdbc = jdbc;
    this.numbers = numbers;
    this.numberLimits = numberLimits;
  }

  /**
   * Which of the numbers have reached one of their tenant's limits in the windows of {@code at}:
   * the numbers the confirmation says a job would hold back.
   */
  public Set<String> reachedNow(long tenantId, Collection<String> mobiles, Instant at) {
    return reached(tenantId, mobiles, at, numberLimits.of(tenantId));
  }

  /** Which of the numbers have reached one of the limits in the windows of {@code at}. */
  @Transactional(readOnly = true)
  public Set<String> reached(
      long tenantId, Collection<String> mobiles, Instant at, NumberLimits limits) {
    if (!limits.any() || mobiles.isEmpty()) {
      return Set.of();
    }
    FloodWindows now = FloodWindows.at(at);
    Set<String> reached = new HashSet<>();
    for (List<String> slice : slices(List.copyOf(new HashSet<>(mobiles)))) {
      read(tenantId, slice, "", now, limits, reached);
    }
    return reached;
  }

  /**
   * Counts a message to each of the chunk's numbers that is under the limits at {@code at}, marks
   * the others LIMITED and returns them; in the caller's transaction, which must be the chunk's
   * claim.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Set<String> take(
      long tenantId, long chunkId, List<String> mobiles, Instant at, NumberLimits limits) {
    if (!limits.any() || mobiles.isEmpty()) {
      return Set.of();
    }
    FloodWindows now = FloodWindows.at(at);
    Set<String> reached = new HashSet<>();
    for (List<String> slice : slices(mobiles.stream().distinct().sorted().toList())) {
      String values =
          String.join(
              ", ", java.util.Collections.nCopies(slice.size(), "(?, ?, ?, 0, ?, 0, ?, 0)"));
      List<Object> args = new ArrayList<>();
      for (String mobile : slice) {
        args.addAll(List.of(tenantId, mobile, now.minute(), now.hour(), now.day()));
      }
      jdbc.update(
          "insert into number_flood (tenant_id, "
              + COLUMNS
              + ") values "
              + values
              + " on duplicate key update minute_sent = minute_sent",
          args.toArray());
      Set<String> over = new HashSet<>();
      read(tenantId, slice, " for update", now, limits, over);
      List<String> under = slice.stream().filter(m -> !over.contains(m)).toList();
      if (!under.isEmpty()) {
        List<Object> set = new ArrayList<>();
        set.addAll(
            List.of(now.minute(), now.minute(), now.hour(), now.hour(), now.day(), now.day()));
        set.add(tenantId);
        set.addAll(under);
        // MariaDB assigns left to right: each count is set before its window's key changes.
        jdbc.update(
            "update number_flood set"
                + " minute_sent = case when minute_key = ? then minute_sent + 1 else 1 end,"
                + " minute_key = ?,"
                + " hour_sent = case when hour_key = ? then hour_sent + 1 else 1 end,"
                + " hour_key = ?,"
                + " day_sent = case when day_key = ? then day_sent + 1 else 1 end,"
                + " day_key = ?"
                + " where tenant_id = ? and mobile in ("
                + marks(under.size())
                + ")",
            set.toArray());
      }
      reached.addAll(over);
    }
    if (!reached.isEmpty()) {
      numbers.limited(chunkId, reached);
    }
    return reached;
  }

  /**
   * Takes back what {@link #take} counted at {@code at} for these numbers: their chunk provably
   * never reached a phone (the gateway unreachable or refusing it). A window that has passed since
   * is left alone.
   */
  @Transactional
  public void release(long tenantId, List<String> mobiles, Instant at, NumberLimits limits) {
    if (!limits.any() || mobiles.isEmpty()) {
      return;
    }
    FloodWindows then = FloodWindows.at(at);
    for (List<String> slice : slices(mobiles.stream().distinct().sorted().toList())) {
      List<Object> args =
          new ArrayList<>(List.of(then.minute(), then.hour(), then.day(), tenantId));
      args.addAll(slice);
      jdbc.update(
          "update number_flood set"
              + " minute_sent = case when minute_key = ? and minute_sent > 0"
              + " then minute_sent - 1 else minute_sent end,"
              + " hour_sent = case when hour_key = ? and hour_sent > 0"
              + " then hour_sent - 1 else hour_sent end,"
              + " day_sent = case when day_key = ? and day_sent > 0 then day_sent - 1 else day_sent end"
              + " where tenant_id = ? and mobile in ("
              + marks(slice.size())
              + ")",
          args.toArray());
    }
  }

  /**
   * Deletes the rows whose last message went before the China day of {@code day}: their counts can
   * no longer hold back anything (a minute and an hour lie within their day). In batches, each its
   * own statement, so that no claim waits long; harmless if two nodes run it at once. Returns how
   * many it deleted.
   */
  public int forgetDaysBefore(Instant day) {
    long today = FloodWindows.at(day).day();
    int deleted = 0;
    int batch;
    do {
      batch = jdbc.update("delete from number_flood where day_key < ? limit 10000", today);
      deleted += batch;
    } while (batch == 10_000);
    return deleted;
  }

  private void read(
      long tenantId,
      List<String> slice,
      String lock,
      FloodWindows now,
      NumberLimits limits,
      Set<String> reached) {
    List<Object> args = new ArrayList<>();
    args.add(tenantId);
    args.addAll(slice);
    jdbc.query(
        "select "
            + COLUMNS
            + " from number_flood where tenant_id = ? and mobile in ("
            + marks(slice.size())
            + ")"
            + lock,
        (ResultSet row) -> {
          if (reached(row, now, limits)) {
            reached.add(row.getString("mobile"));
          }
        },
        args.toArray());
  }

  /** Whether the row's counts in the windows of now have reached one of the limits. */
  private static boolean reached(ResultSet row, FloodWindows now, NumberLimits limits)
      throws SQLException {
    return NumberLimits.reached(limits.perMinute(), sent(row, "minute", now.minute()))
        || NumberLimits.reached(limits.perHour(), sent(row, "hour", now.hour()))
        || NumberLimits.reached(limits.perDay(), sent(row, "day", now.day()));
  }

  private static int sent(ResultSet row, String window, long key) throws SQLException {
    return row.getLong(window + "_key") == key ? row.getInt(window + "_sent") : 0;
  }

  private static String marks(int count) {
    return String.join(", ", java.util.Collections.nCopies(count, "?"));
  }

  private static List<List<String>> slices(List<String> mobiles) {
    List<List<String>> slices = new ArrayList<>();
    for (int from = 0; from < mobiles.size(); from += SLICE) {
      slices.add(mobiles.subList(from, Math.min(mobiles.size(), from + SLICE)));
    }
    return slices;
  }
}
