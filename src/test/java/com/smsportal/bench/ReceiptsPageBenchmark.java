package com.smsportal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.Logins;
import com.smsportal.PortalHttpClient;
import com.smsportal.tenant.TenantService;
import com.smsportal.web.PageCursor;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How long the receipts page takes over real HTTP, as the logged-in customer of a tenant with a
 * million status reports over 30 days: the newest page, a page 10,000 rows deep (keyset, so it
 * should cost the same), and a number's page. Prints median and p95; asserts nothing about time.
 * Run: {@code ./mvnw -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=ReceiptsPageBenchmark} (add -Pci for MariaDB too).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"smsportal.sending.worker-enabled=false"})
class ReceiptsPageBenchmark {

  static final int ROWS = 1_000_000;
  static final int ROWS_PER_STATEMENT = 500;
  static final int TASKS = 200;
  static final int MOBILES = 5_000;
  static final int DEPTH = 10_000;
  static final int DEEPER = 500_000;
  static final int WARM_UP = 50;
  static final int RUNS = 200;

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TenantService tenants;
  @Autowired TransactionTemplate transactions;

  @Test
  void receiptsPageLatency() throws Exception {
    long tenant = tenants.findByName("Acme").orElseThrow().id();
    String database = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getURL());
    fill(tenant);
    PortalHttpClient acme = new PortalHttpClient(port).logIn("acme", Logins.DEMO_PASSWORD);

    PageCursor deep =
        cursorAt(
            "select received_at, id from status_report where tenant_id = ?"
                + " order by received_at desc, id desc limit 1 offset "
                + (DEPTH - 1),
            tenant);
    String cursor = deep.token();
    PageCursor deeper =
        cursorAt(
            "select received_at, id from status_report where tenant_id = ?"
                + " order by received_at desc, id desc limit 1 offset "
                + (DEEPER - 1),
            tenant);
    String mobile = mobile(42);
    String mobileCursor =
        cursorAt(
                "select received_at, id from status_report where tenant_id = ? and mobile = ?"
                    + " order by received_at desc, id desc limit 1 offset 100",
                tenant,
                mobile)
            .token();

    List<String> report = new ArrayList<>();
    report.add("ReceiptsPageBenchmark on " + database.replaceAll("\\?.*", ""));
    report.add(measure(acme, "first page", "/receipts"));
    report.add(measure(acme, "page " + DEPTH + " rows deep", "/receipts?before=" + cursor));
    report.add(
        measure(acme, "page " + DEEPER + " rows deep", "/receipts?before=" + deeper.token()));
    report.add(measure(acme, "number filter, first page", "/receipts?mobile=" + mobile));
    report.add(
        measure(
            acme,
            "number filter, 100 rows deep",
            "/receipts?mobile=" + mobile + "&before=" + mobileCursor));
    report.add(measure(acme, "status filter (failed), first page", "/receipts?status=failed"));
    report.add(explain(tenant, deep, mobile));
    System.out.println(String.join(System.lineSeparator(), report));
  }

  /** A million reports over the 30 days before now, unless a previous run left them. */
  private void fill(long tenant) {
    Integer present =
        jdbc.queryForObject(
            "select count(*) from status_report where tenant_id = ? and task_id like 'bench-%'",
            Integer.class, tenant);
    if (present != null && present >= ROWS) {
      System.out.println("ReceiptsPageBenchmark: reusing " + present + " stored reports");
      return;
    }
    jdbc.update("delete from status_report where task_id like 'bench-%'");
    long started = System.nanoTime();
    Instant newest = Instant.now();
    long spanMillis = Duration.ofDays(30).toMillis();
    StringJoiner values = new StringJoiner(", ");
    for (int r = 0; r < ROWS_PER_STATEMENT; r++) {
      values.add("(?, 1, 1, ?, ?, ?, ?, ?, ?, '', ?, ?)");
    }
    String sql =
        "insert into status_report (tenant_id, account_id, inbox_id, task_id, mobile, status,"
            + " receive_time, received_at, error_code, extno, fetched_at, job_id) values "
            + values;
    int perTransaction = 50_000;
    for (int from = 0; from < ROWS; from += perTransaction) {
      int first = from;
      transactions.executeWithoutResult(
          tx -> {
            List<Object[]> statements = new ArrayList<>();
            for (int s = first; s < first + perTransaction; s += ROWS_PER_STATEMENT) {
              List<Object> args = new ArrayList<>(ROWS_PER_STATEMENT * 9);
              for (int i = s; i < s + ROWS_PER_STATEMENT; i++) {
                // Newest first by i, three reports to each time: the paging must break ties by id.
                Instant at = newest.minusMillis((long) (i / 3 * 3) * spanMillis / ROWS);
                LocalDateTime utc = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
                boolean delivered = i % 10 != 0;
                args.addAll(
                    Arrays.asList(
                        tenant,
                        "bench-" + (i % TASKS),
                        mobile(i % MOBILES),
                        delivered ? 10 : 20,
                        "b" + i,
                        utc,
                        delivered ? "DELIVRD" : "UNDELIV",
                        utc.plusSeconds(20),
                        i % 4 == 0 ? null : (long) (i % 1000)));
              }
              statements.add(args.toArray());
            }
            jdbc.batchUpdate(sql, statements);
          });
    }
    System.out.printf(
        "ReceiptsPageBenchmark: stored %,d reports in %d s%n",
        ROWS, Duration.ofNanos(System.nanoTime() - started).toSeconds());
  }

  /** The keyset cursor of the row a query finds (OFFSET here only picks the benchmark's page). */
  private PageCursor cursorAt(String sql, Object... args) {
    return jdbc.queryForObject(
        sql,
        (rs, n) ->
            new PageCursor(
                rs.getObject("received_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                rs.getLong("id")),
        args);
  }

  private static String mobile(int n) {
    return "139" + String.format("%08d", n);
  }

  private static String measure(PortalHttpClient client, String what, String path)
      throws Exception {
    for (int i = 0; i < WARM_UP; i++) {
      get(client, path);
    }
    long[] millis = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long started = System.nanoTime();
      get(client, path);
      millis[i] = System.nanoTime() - started;
    }
    Arrays.sort(millis);
    return String.format(
        "  %-40s median %6.1f ms   p95 %6.1f ms   (%d requests)",
        what, millis[RUNS / 2] / 1e6, millis[(int) Math.ceil(RUNS * 0.95) - 1] / 1e6, RUNS);
  }

  private static void get(PortalHttpClient client, String path) throws Exception {
    HttpResponse<String> response = client.get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    assertThat(response.body()).as(path).contains("data-id=");
  }

  /** What the database plans for the page queries (the shape Hibernate sends). */
  private String explain(long tenant, PageCursor deep, String mobile) {
    LocalDateTime t = LocalDateTime.ofInstant(deep.time(), ZoneOffset.UTC);
    String select =
        "explain select id from status_report where tenant_id = ? %s"
            + " order by received_at desc, id desc limit 51";
    // Below a cursor the portal reads in time windows (web/NewestFirst): the first is an hour.
    String keyset = "and received_at >= ? and (received_at < ? or (received_at = ? and id < ?))";
    StringBuilder out = new StringBuilder("  EXPLAIN:");
    out.append(plan("first page", String.format(select, ""), tenant));
    out.append(
        plan("deep page", String.format(select, keyset), tenant, t.minusHours(1), t, t, deep.id()));
    out.append(plan("number", String.format(select, "and mobile = ?"), tenant, mobile));
    return out.toString();
  }

  private String plan(String what, String sql, Object... args) {
    StringBuilder out = new StringBuilder();
    for (Map<String, Object> row : jdbc.queryForList(sql, args)) {
      if (row.containsKey("type")) { // MySQL, MariaDB
        out.append(
            String.format(
                "%n    %-10s type=%s key=%s rows=%s extra=%s",
                what, row.get("type"), row.get("key"), row.get("rows"), row.get("Extra")));
      } else { // H2: one line of plan text
        out.append(
            String.format(
                "%n    %-10s %s",
                what, row.values().iterator().next().toString().replaceAll("\\s+", " ")));
      }
    }
    return out.toString();
  }
}
