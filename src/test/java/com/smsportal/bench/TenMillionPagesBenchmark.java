package com.smsportal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.Logins;
import com.smsportal.PortalHttpClient;
import com.smsportal.tenant.TenantService;
import com.smsportal.web.PageCursor;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark (issue 27, point 2): are the receipts, replies and job pages as fast with 10,000,000
 * status reports as with 10,000? Two tenants in one database: Acme holds the large side (10M
 * reports, 1M replies, a job of 1,000,000 numbers), Globex the small one (10,000 reports, 1,000
 * replies, a job of 10,000 numbers), spread the same way (30 days, a task per 1,000 reports, ten
 * reports per number, a tenth failed). Each page variant is asked 200 times by each tenant's own
 * user over HTTP, the two tenants' requests interleaved so that the shared machine's load hits both
 * alike; prints median and p99 of each side, their ratios, and the database's plan of each query
 * for both tenants (the comparison is fair only when the plans are the same).
 *
 * <p>Run: {@code ./mvnw -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=TenMillionPagesBenchmark} (H2 file in the temp directory); MariaDB: add {@code
 * -Dbench.db.url='jdbc:mysql://127.0.0.1:3306/<db>?useUnicode=true&characterEncoding=UTF-8'
 * -Dbench.db.user=... -Dbench.db.password=...}. {@code -Dbench.reports=} (default 10,000,000),
 * {@code -Dbench.runs=} (200), {@code -Dbench.only=job} (only the variants named so), {@code
 * -Dbench.job-numbers=} and {@code -Dbench.small-job-numbers=} (the two jobs). The rows stay for
 * the next run (and for EXPLAIN); drop them after.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "smsportal.sending.worker-enabled=false",
      "spring.datasource.url=${bench.db.url:jdbc:h2:file:${java.io.tmpdir}/ten-million-bench/db;"
          + "MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;CACHE_SIZE=65536}",
      "spring.datasource.username=${bench.db.user:sa}",
      "spring.datasource.password=${bench.db.password:}"
    })
class TenMillionPagesBenchmark {

  static final long LARGE = Long.getLong("bench.reports", 10_000_000);
  static final long SMALL = LARGE / 1000;
  static final int RUNS = Integer.getInteger("bench.runs", 200);
  static final int WARM_UP = 20;
  static final int JOB = Integer.getInteger("bench.job-numbers", 1_000_000);

  /**
   * The small side's job ({@code -Dbench.small-job-numbers}, a hundredth of the large one's by
   * default). A job of 50,000 numbers or more fills the page's table of chunks (50 rows) as the
   * large one does, so that the two pages differ only in the size of what lies behind them.
   */
  static final int SMALL_JOB = Integer.getInteger("bench.small-job-numbers", JOB / 100);

  /**
   * Only the page variants whose name starts with this ({@code -Dbench.only=job}); all if empty.
   */
  static final String ONLY = System.getProperty("bench.only", "");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TenantService tenants;

  /** One side of the comparison: a tenant, its user, its sizes and its job. */
  record Side(
      String user, long tenant, long account, long reports, long replies, int numbers, long job) {}

  @Test
  void pagesAreAsFastWithTenMillionReportsAsWithTenThousand() throws Exception {
    LocalDateTime newest = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
    BenchRows rows = new BenchRows(jdbc);
    Side small = side(rows, "globex", "Globex", SMALL, SMALL / 10, SMALL_JOB);
    Side large = side(rows, "acme", "Acme", LARGE, LARGE / 10, JOB);
    newest =
        jdbc.queryForObject(
            "select max(received_at) from status_report where tenant_id = ?",
            LocalDateTime.class,
            large.tenant());

    Map<String, List<String>> variants = new LinkedHashMap<>();
    variants.put("receipts: first page", paths(small, large, s -> "/receipts"));
    variants.put(
        "receipts: deep page (middle)",
        paths(small, large, s -> "/receipts?before=" + middle(s, "status_report", false)));
    variants.put(
        "receipts: number",
        paths(
            small,
            large,
            s -> "/receipts?mobile=" + BenchRows.mobile(s.reports() / 2, s.reports())));
    variants.put(
        "receipts: task",
        paths(
            small, large, s -> "/receipts?taskId=" + BenchRows.task(s.tenant(), s.reports() / 2)));
    variants.put("receipts: status failed", paths(small, large, s -> "/receipts?status=failed"));
    variants.put(
        "receipts: failed, deep page",
        paths(
            small,
            large,
            s -> "/receipts?status=failed&before=" + middle(s, "status_report", true)));
    String day =
        LocalDateTime.ofInstant(
                newest.minusDays(10).toInstant(ZoneOffset.UTC), com.smsportal.web.Times.ZONE)
            .toLocalDate()
            .toString();
    String timeRange = "from=" + day + "T08:00&to=" + day + "T20:00";
    variants.put("receipts: time range (12 h)", paths(small, large, s -> "/receipts?" + timeRange));
    variants.put(
        "receipts: failed in time range",
        paths(small, large, s -> "/receipts?status=failed&" + timeRange));
    variants.put("replies: first page", paths(small, large, s -> "/replies"));
    variants.put(
        "replies: deep page (middle)",
        paths(small, large, s -> "/replies?before=" + middle(s, "reply", false)));
    variants.put(
        "replies: number",
        paths(
            small,
            large,
            s -> "/replies?mobile=" + BenchRows.mobile(s.replies() / 2, s.replies())));
    variants.put("replies: time range (12 h)", paths(small, large, s -> "/replies?" + timeRange));
    variants.put("replies: text (1 in 10)", paths(small, large, s -> "/replies?q=TD"));
    variants.put("job: first page", paths(small, large, s -> "/jobs/" + s.job()));
    variants.put(
        "job: deep page (middle)",
        paths(small, large, s -> "/jobs/" + s.job() + "?after=" + midNumber(s)));
    variants.put(
        "job: state FAILED", paths(small, large, s -> "/jobs/" + s.job() + "?state=FAILED"));
    variants.put(
        "job: whole number",
        paths(
            small,
            large,
            s ->
                "/jobs/"
                    + s.job()
                    + "?mobile=138"
                    + String.format(Locale.ROOT, "%08d", s.numbers() / 2)));
    variants.put("jobs list", paths(small, large, s -> "/jobs"));
    variants.put("dashboard /", paths(small, large, s -> "/"));

    PortalHttpClient smallClient =
        new PortalHttpClient(port).logIn(small.user(), Logins.DEMO_PASSWORD);
    PortalHttpClient largeClient =
        new PortalHttpClient(port).logIn(large.user(), Logins.DEMO_PASSWORD);
    String database = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getURL());
    List<String> report = new ArrayList<>();
    report.add(
        String.format(
            Locale.ROOT,
            "TenMillionPagesBenchmark on %s: %,d vs %,d reports, %d requests each",
            database.replaceAll("[?;].*", ""),
            SMALL,
            LARGE,
            RUNS));
    report.add(
        String.format(
            Locale.ROOT,
            "  %-32s %10s %10s %10s %10s %7s %7s",
            "page",
            "10k med",
            "10M med",
            "10k p99",
            "10M p99",
            "med x",
            "p99 x"));
    for (Map.Entry<String, List<String>> variant : variants.entrySet()) {
      if (!variant.getKey().startsWith(ONLY)) {
        continue;
      }
      report.add(
          measure(
              variant.getKey(),
              smallClient,
              variant.getValue().get(0),
              largeClient,
              variant.getValue().get(1)));
      System.out.println(report.get(report.size() - 1));
    }
    report.add(new BenchPlans(jdbc).explain(small, large, newest));
    System.out.println(String.join(System.lineSeparator(), report));
  }

  private Side side(
      BenchRows rows, String user, String name, long reports, long replies, int numbers) {
    long tenant = tenants.findByName(name).orElseThrow().id();
    long account =
        jdbc.queryForObject(
            "select min(id) from gateway_account where tenant_id = ?", Long.class, tenant);
    LocalDateTime newest = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
    Long stored =
        jdbc.queryForObject(
            "select count(*) from status_report where tenant_id = ?", Long.class, tenant);
    if (stored == null || stored < reports) {
      jdbc.update("delete from status_report where tenant_id = ?", tenant);
      System.out.printf(
          "%s: %,d reports stored in %d s%n",
          name, reports, rows.reports(tenant, account, reports, newest));
    }
    Long storedReplies =
        jdbc.queryForObject("select count(*) from reply where tenant_id = ?", Long.class, tenant);
    if (storedReplies == null || storedReplies < replies) {
      jdbc.update("delete from reply where tenant_id = ?", tenant);
      System.out.printf(
          "%s: %,d replies stored in %d s%n",
          name, replies, rows.replies(tenant, account, replies, newest));
    }
    List<Long> job =
        jdbc.queryForList(
            "select id from send_job where tenant_id = ? and idempotency_key = ?",
            Long.class,
            tenant,
            "bench-10m-" + numbers);
    long jobId = job.isEmpty() ? rows.job(tenant, account, numbers, newest) : job.get(0);
    rows.sendDays(tenant);
    return new Side(user, tenant, account, reports, replies, numbers, jobId);
  }

  private static List<String> paths(
      Side small, Side large, java.util.function.Function<Side, String> path) {
    return List.of(path.apply(small), path.apply(large));
  }

  /** The keyset cursor in the middle of the side's rows (of the failed ones only if asked). */
  private String middle(Side s, String table, boolean failed) {
    long n = (table.equals("reply") ? s.replies() : s.reports()) / 2;
    LocalDateTime oldest =
        jdbc.queryForObject(
            "select min(received_at) from " + table + " where tenant_id = ?",
            LocalDateTime.class,
            s.tenant());
    LocalDateTime at =
        oldest.plusSeconds(
            n * BenchRows.SPAN_SECONDS / (table.equals("reply") ? s.replies() : s.reports()));
    return jdbc.queryForObject(
        "select received_at, id from "
            + table
            + " where tenant_id = ? and received_at <= ?"
            + (failed ? " and status = 20" : "")
            + " order by received_at desc, id desc limit 1",
        (rs, i) ->
            new PageCursor(
                    rs.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getLong(2))
                .token(),
        s.tenant(),
        at);
  }

  private long midNumber(Side s) {
    return jdbc.queryForObject(
            "select min(id) from send_number where job_id = ?", Long.class, s.job())
        + s.numbers() / 2;
  }

  private static String measure(
      String what,
      PortalHttpClient smallClient,
      String smallPath,
      PortalHttpClient largeClient,
      String largePath)
      throws Exception {
    for (int i = 0; i < WARM_UP; i++) {
      get(smallClient, smallPath);
      get(largeClient, largePath);
    }
    long[] small = new long[RUNS];
    long[] large = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      small[i] = get(smallClient, smallPath);
      large[i] = get(largeClient, largePath);
    }
    Arrays.sort(small);
    Arrays.sort(large);
    double sm = small[RUNS / 2] / 1e6, lm = large[RUNS / 2] / 1e6;
    int p99 = (int) Math.ceil(RUNS * 0.99) - 1;
    double sp = small[p99] / 1e6, lp = large[p99] / 1e6;
    return String.format(
        Locale.ROOT,
        "  %-32s %8.1fms %8.1fms %8.1fms %8.1fms %6.2fx %6.2fx",
        what,
        sm,
        lm,
        sp,
        lp,
        lm / sm,
        lp / sp);
  }

  private static long get(PortalHttpClient client, String path) throws Exception {
    long started = System.nanoTime();
    HttpResponse<String> response = client.get(path);
    long took = System.nanoTime() - started;
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return took;
  }
}
