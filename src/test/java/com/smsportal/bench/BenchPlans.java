package com.smsportal.bench;

import java.time.LocalDateTime;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database's plan of each page query of {@link TenMillionPagesBenchmark}, in the shape the
 * portal sends it, for the small and the large tenant side by side: a 10,000 against 10,000,000
 * comparison is fair only if both get the same plan.
 */
final class BenchPlans {

  private static final String REPORTS =
      "explain select id from status_report where tenant_id = ? %s"
          + " order by received_at desc, id desc limit 51";
  private static final String REPLIES =
      "explain select id from reply where tenant_id = ? %s"
          + " order by received_at desc, id desc limit 51";
  private static final String WINDOW =
      "and received_at >= ? and (received_at < ? or (received_at = ? and id < ?))";

  private final JdbcTemplate jdbc;

  BenchPlans(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  String explain(
      TenMillionPagesBenchmark.Side small, TenMillionPagesBenchmark.Side large, LocalDateTime t) {
    StringBuilder out = new StringBuilder("  EXPLAIN (small tenant, then large):");
    for (TenMillionPagesBenchmark.Side s : new TenMillionPagesBenchmark.Side[] {small, large}) {
      long tenant = s.tenant();
      LocalDateTime mid = t.minusDays(15);
      out.append(plan("receipts first", String.format(REPORTS, ""), tenant));
      out.append(
          plan(
              "receipts deep",
              String.format(REPORTS, WINDOW),
              tenant,
              mid.minusHours(1),
              mid,
              mid,
              Long.MAX_VALUE));
      out.append(
          plan(
              "receipts number",
              String.format(REPORTS, "and mobile = ?"),
              tenant,
              BenchRows.mobile(s.reports() / 2, s.reports())));
      out.append(
          plan(
              "receipts task",
              String.format(REPORTS, "and task_id = ?"),
              tenant,
              BenchRows.task(tenant, s.reports() / 2)));
      out.append(plan("receipts failed", String.format(REPORTS, "and status = 20"), tenant));
      out.append(
          plan(
              "receipts failed deep",
              String.format(REPORTS, "and status = 20 " + WINDOW),
              tenant,
              mid.minusHours(1),
              mid,
              mid,
              Long.MAX_VALUE));
      out.append(
          plan(
              "receipts time",
              String.format(REPORTS, "and received_at >= ? and received_at < ?"),
              tenant,
              t.minusDays(10),
              t.minusDays(10).plusHours(12)));
      out.append(plan("replies first", String.format(REPLIES, ""), tenant));
      out.append(
          plan(
              "replies number",
              String.format(REPLIES, "and mobile = ?"),
              tenant,
              BenchRows.mobile(s.replies() / 2, s.replies())));
      out.append(
          plan(
              "job numbers",
              "explain select id from send_number where job_id = ? and id > ?"
                  + " order by job_id, id limit 101",
              s.job(),
              0));
      out.append(
          plan(
              "job state",
              "explain select id from send_number where job_id = ? and state = 'FAILED'"
                  + " and id > ? order by job_id, state, id limit 101",
              s.job(),
              0));
      out.append(
          plan(
              "job counts",
              "explain select state, count(*) from send_number where job_id = ? group by state",
              s.job()));
    }
    return out.toString();
  }

  private String plan(String what, String sql, Object... args) {
    StringBuilder out = new StringBuilder();
    for (Map<String, Object> row : jdbc.queryForList(sql, args)) {
      if (row.containsKey("type")) { // MySQL, MariaDB
        out.append(
            String.format(
                "%n    %-22s type=%s key=%s rows=%s extra=%s",
                what, row.get("type"), row.get("key"), row.get("rows"), row.get("Extra")));
      } else { // H2: one line of plan text
        out.append(
            String.format(
                "%n    %-22s %s",
                what, row.values().iterator().next().toString().replaceAll("\\s+", " ")));
      }
    }
    return out.toString();
  }
}
