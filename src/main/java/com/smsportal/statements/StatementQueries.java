package com.smsportal.statements;

import com.smsportal.dashboard.BalanceHistory;
import com.smsportal.gatewayaccount.GatewayAccountView;
import com.smsportal.sending.NumberState;
import com.smsportal.web.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A month's statement of one gateway account, summed by the database: the jobs per China day of
 * their submission ({@code send_job} by {@code ix_send_job_account}: tenant, account, created_at),
 * their numbers per day and state (each job's numbers by {@code (job_id, state, id)}, from the
 * index alone), and for personalised jobs only, whose chunks carry their own segments, the billed
 * numbers' chunks. Nothing reads the numbers one by one into memory: a month of a million numbers
 * answers ~31 rows per query.
 *
 * <p>Native SQL on tenant tables, which Hibernate's tenant filter does not see: every query names
 * the account's tenant, and the account comes from {@code GatewayAccounts.find} in the current
 * tenant context, so a customer never reaches another tenant's account. One read-only transaction,
 * so that the queries read one snapshot (MariaDB's repeatable read) and the totals add up.
 */
@Component
class StatementQueries {

  /**
   * The China day of a job's submission: created_at is UTC and China keeps UTC+8 all year (no
   * daylight saving since 1991), so the day is the date of created_at + 8 h, in H2 and MariaDB
   * alike.
   */
  static final String DAY = "cast(timestampadd(hour, 8, j.created_at) as date)";

  private static final String JOBS_OF_MONTH =
      " where j.tenant_id = ? and j.account_id = ? and j.created_at >= ? and j.created_at < ?";

  /** States of a number the gateway accepted: it bills them. */
  private static final List<String> BILLED =
      List.of(
          NumberState.SUBMITTED.name(), NumberState.DELIVERED.name(), NumberState.FAILED.name());

  /**
   * Issue 26 point 1 adds this state (NumberState.LIMITED: the flood limit stopped the number when
   * its chunk went); counted by name so that this module compiles before and after it is merged.
   */
  static final String LIMITED = "LIMITED";

  private final JdbcTemplate jdbc;
  private final BalanceHistory balances;

  StatementQueries(JdbcTemplate jdbc, BalanceHistory balances) {
    this.jdbc = jdbc;
    this.balances = balances;
  }

  @Transactional(readOnly = true)
  public MonthStatement month(GatewayAccountView account, String tenantName, YearMonth month) {
    Object[] args = {
      account.tenantId(), account.id(), utc(month.atDay(1)), utc(month.plusMonths(1).atDay(1))
    };
    Map<LocalDate, long[]> days = new TreeMap<>();
    long[] personalisedJobs = {0};
    jdbc.query(
        "select "
            + DAY
            + " as d, count(*) as jobs, coalesce(sum(j.opted_out_count), 0) as opted_out,"
            + " sum(case when j.personalised then 1 else 0 end) as personalised,"
            // The numbers the flood limit held back when the job was stored: a count per job
            // (those it held back when their chunk went are LIMITED numbers, counted below).
            + " coalesce(sum(j.limited_count), 0) as limited_held"
            + " from send_job j"
            + JOBS_OF_MONTH
            + " group by "
            + DAY,
        (ResultSet rs) -> {
          long[] day = day(days, rs);
          day[0] += rs.getLong("jobs");
          day[6] += rs.getLong("opted_out");
          day[7] += rs.getLong("limited_held");
          personalisedJobs[0] += rs.getLong("personalised");
        },
        args);
    if (days.isEmpty()) {
      return statement(account, tenantName, month, days);
    }
    jdbc.query(
        "select "
            + DAY
            + " as d, n.state, count(*) as numbers,"
            + " sum(case when j.personalised then 0 else j.segments end) as plain_segments"
            + " from send_job j join send_number n on n.job_id = j.id"
            + JOBS_OF_MONTH
            + " group by "
            + DAY
            + ", n.state",
        (ResultSet rs) -> count(day(days, rs), rs.getString("state"), rs),
        args);
    if (personalisedJobs[0] > 0) {
      jdbc.query(
          "select "
              + DAY
              + " as d, sum(coalesce(c.segments, j.segments)) as segments"
              + " from send_job j join send_number n on n.job_id = j.id"
              + " join send_chunk c on c.id = n.chunk_id"
              + JOBS_OF_MONTH
              + " and j.personalised = true and n.state in (?, ?, ?) group by "
              + DAY,
          (ResultSet rs) -> {
            day(days, rs)[2] += rs.getLong("segments");
          },
          args[0],
          args[1],
          args[2],
          args[3],
          BILLED.get(0),
          BILLED.get(1),
          BILLED.get(2));
    }
    return statement(account, tenantName, month, days);
  }

  /** Adds one (day, state) group of numbers to the day's figures. */
  private static void count(long[] day, String state, ResultSet rs) throws SQLException {
    long numbers = rs.getLong("numbers");
    if (BILLED.contains(state)) {
      day[1] += numbers;
      day[2] += rs.getLong("plain_segments");
    }
    if (NumberState.DELIVERED.name().equals(state)) {
      day[3] += numbers;
    } else if (NumberState.FAILED.name().equals(state)) {
      day[4] += numbers;
    } else if (NumberState.UNKNOWN.name().equals(state)) {
      day[5] += numbers;
    } else if (NumberState.OPTED_OUT.name().equals(state)) {
      day[6] += numbers;
    } else if (LIMITED.equals(state)) {
      day[7] += numbers;
    }
  }

  private static long[] day(Map<LocalDate, long[]> days, ResultSet rs) throws SQLException {
    LocalDate day = rs.getObject("d", LocalDate.class);
    return days.computeIfAbsent(day, d -> new long[8]);
  }

  private MonthStatement statement(
      GatewayAccountView account, String tenantName, YearMonth month, Map<LocalDate, long[]> days) {
    List<StatementDay> rows = new ArrayList<>(days.size());
    days.forEach(
        (day, f) ->
            rows.add(new StatementDay(day, f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7])));
    return new MonthStatement(
        account, tenantName, month, rows, balances.month(account.id(), month));
  }

  /** The start of a China day as the UTC time the database stores. */
  private static LocalDateTime utc(LocalDate day) {
    return LocalDateTime.ofInstant(day.atStartOfDay(Times.ZONE).toInstant(), ZoneOffset.UTC);
  }
}
