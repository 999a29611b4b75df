package com.smsportal.statements;

import com.smsportal.dashboard.BalanceHistory;
import com.smsportal.gatewayaccount.GatewayAccountView;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One gateway account's statement of one China calendar month.
 *
 * @param tenantName the account's tenant (staff see any tenant's statements)
 * @param days the days with at least one job, in order; days without are left out
 * @param balance the gateway balance at the month's first and last known reading
 */
public record MonthStatement(
    GatewayAccountView account,
    String tenantName,
    YearMonth month,
    List<StatementDay> days,
    BalanceHistory.MonthReadings balance) {

  /** The month's totals: the sum of its days. */
  public StatementDay totals() {
    return days.stream().reduce(StatementDay.zero(null), StatementDay::plus);
  }

  public boolean empty() {
    return days.isEmpty();
  }

  /**
   * Every day of the month for the chart, days without jobs as zeros: the figures of {@code
   * column}, comma-separated in day order.
   */
  public String series(StatementColumn column) {
    Map<LocalDate, StatementDay> byDay =
        days.stream().collect(Collectors.toMap(StatementDay::day, d -> d));
    StringBuilder out = new StringBuilder();
    for (int d = 1; d <= month.lengthOfMonth(); d++) {
      StatementDay day = byDay.get(month.atDay(d));
      out.append(d > 1 ? "," : "").append(day == null ? 0 : column.of(day));
    }
    return out.toString();
  }

  public String sentSeries() {
    return series(StatementColumn.SENT);
  }

  public String deliveredSeries() {
    return series(StatementColumn.DELIVERED);
  }

  public String failedSeries() {
    return series(StatementColumn.FAILED);
  }

  /** The chart's labels: the days of the month, 1 to its last. */
  public String dayLabels() {
    StringBuilder out = new StringBuilder();
    for (int d = 1; d <= month.lengthOfMonth(); d++) {
      out.append(d > 1 ? "," : "").append(d);
    }
    return out.toString();
  }

  /**
   * The jobs page's list of this account's jobs submitted on {@code day} (China time): the jobs a
   * day's row sums up.
   */
  public String jobsOf(StatementDay day) {
    return UriComponentsBuilder.fromPath("/jobs")
        .queryParam("account", account.id())
        .queryParam("from", day.day() + "T00:00")
        .queryParam("to", day.day() + "T23:59")
        .build()
        .toUriString();
  }
}
