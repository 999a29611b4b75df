package com.smsportal.dashboard;

import com.smsportal.web.Times;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The history of the balances the gateway answered (issue 26, for the monthly statements): for each
 * account and China day, the day's first and last reading ({@code balance_day}). A reading is made
 * whenever a dashboard asks the gateway for the balance (at most once per {@code balance-cache} per
 * account and node, and only while someone looks); the poller does not ask for balances, so a day
 * nobody looked has no reading, and the statement says "first/last known reading".
 *
 * <p>{@link #month} reads native SQL, which Hibernate's tenant filter does not see: its caller has
 * found the account in the current tenant's context first.
 */
@Component
public class BalanceHistory {

  /** One balance the gateway answered, and when. */
  public record Reading(long overage, Instant at) {}

  /** The first and the last reading of a month; both empty if none was made. */
  public record MonthReadings(Optional<Reading> first, Optional<Reading> last) {}

  private final JdbcTemplate jdbc;

  BalanceHistory(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Keeps a reading in its day's row: the first if none was earlier, the last if none was later
   * (two nodes may answer out of order). Runs in the caller's transaction ({@link
   * BalanceReadings#record}); two first readings of a day at once: one insert fails on the key and
   * the caller keeps neither, as it does for the latest reading.
   */
  void record(long accountId, long tenantId, long overage, Instant at) {
    LocalDate day = LocalDate.ofInstant(at, Times.ZONE);
    LocalDateTime utc = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    int earlier =
        jdbc.update(
            "update balance_day set first_overage = ?, first_at = ?"
                + " where account_id = ? and read_day = ? and first_at > ?",
            overage,
            utc,
            accountId,
            day,
            utc);
    int later =
        jdbc.update(
            "update balance_day set last_overage = ?, last_at = ?"
                + " where account_id = ? and read_day = ? and last_at <= ?",
            overage,
            utc,
            accountId,
            day,
            utc);
    if (earlier + later == 0
        && jdbc.queryForObject(
                "select count(*) from balance_day where account_id = ? and read_day = ?",
                Integer.class,
                accountId,
                day)
            == 0) {
      jdbc.update(
          "insert into balance_day (account_id, read_day, tenant_id, first_overage, first_at,"
              + " last_overage, last_at) values (?, ?, ?, ?, ?, ?, ?)",
          accountId,
          day,
          tenantId,
          overage,
          utc,
          overage,
          utc);
    }
  }

  /** The month's first and last reading of the account (China days). */
  public MonthReadings month(long accountId, YearMonth month) {
    LocalDate first = month.atDay(1);
    LocalDate last = month.atEndOfMonth();
    return new MonthReadings(
        one(
            "select first_overage, first_at from balance_day where account_id = ?"
                + " and read_day between ? and ? order by read_day asc limit 1",
            accountId,
            first,
            last),
        one(
            "select last_overage, last_at from balance_day where account_id = ?"
                + " and read_day between ? and ? order by read_day desc limit 1",
            accountId,
            first,
            last));
  }

  private Optional<Reading> one(String sql, Object... args) {
    List<Reading> rows =
        jdbc.query(
            sql,
            (rs, n) ->
                new Reading(
                    rs.getLong(1), rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC)),
            args);
    return rows.stream().findFirst();
  }
}
