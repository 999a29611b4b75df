package com.smsportal.dashboard;

import com.smsportal.sending.DailySends;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sends and delivery per day as the dashboard's chart and table show them. The series go to the
 * chart script as comma-separated data attributes (the CSP allows no inline script); an empty item
 * is a day without a delivery rate.
 */
public record SendsChart(int days, List<DailySends> rows) {

  /** The periods the dashboard offers; any other request shows the first. */
  static final List<Integer> PERIODS = List.of(7, 30);

  private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("MM-dd", Locale.ROOT);

  static int period(Integer requested) {
    return requested != null && PERIODS.contains(requested) ? requested : PERIODS.get(0);
  }

  public long sent() {
    return rows.stream().mapToLong(DailySends::sent).sum();
  }

  public long delivered() {
    return rows.stream().mapToLong(DailySends::delivered).sum();
  }

  public long failed() {
    return rows.stream().mapToLong(DailySends::failed).sum();
  }

  /** The period's delivery rate, null while no number has a final report. */
  public Double deliveryRate() {
    return new DailySends(null, sent(), delivered(), failed()).deliveryRate();
  }

  /** Nothing was sent in the period. */
  public boolean empty() {
    return sent() == 0;
  }

  public List<Integer> periods() {
    return PERIODS;
  }

  public String labels() {
    return series(d -> LABEL.format(d.day()));
  }

  public String sentSeries() {
    return series(d -> Long.toString(d.sent()));
  }

  public String deliveredSeries() {
    return series(d -> Long.toString(d.delivered()));
  }

  /** Delivery rate per day in percent with one decimal. */
  public String rateSeries() {
    return series(
        d ->
            d.deliveryRate() == null
                ? ""
                : String.format(Locale.ROOT, "%.1f", d.deliveryRate() * 100));
  }

  private String series(Function<DailySends, String> value) {
    return rows.stream().map(value).collect(Collectors.joining(","));
  }
}
