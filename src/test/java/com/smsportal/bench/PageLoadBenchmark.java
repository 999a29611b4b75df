package com.smsportal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.ListTenants;
import com.smsportal.PolledRows;
import com.smsportal.PolledRows.Reply;
import com.smsportal.PolledRows.Report;
import com.smsportal.PortalHttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How many requests a second the list pages serve, and their 99th percentile, with 10 rows and with
 * 10,000: Debian's wrk on the same two cores (2 threads, 32 connections over 32 logged-in
 * sessions), each page warmed up first, next to the login page as the stack's floor. Then 200
 * connections for 60 s on the largest receipts page, which must answer every one of them. Prints a
 * table; asserts only that every answer was a success. Not part of {@code ./mvnw verify}:
 *
 * <pre>./mvnw -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=PageLoadBenchmark</pre>
 *
 * Needs {@code /usr/bin/wrk} ({@code apt-get install wrk}). {@code -Dbench.seconds=15} sets the
 * length of each measured run (default 15). {@code -Dbench.only=<regex>} measures only the pages
 * whose path and row count ({@code /jobs/17@10000}, {@code /optouts@10}, {@code /login@-}) match,
 * and skips the soak unless it matches {@code soak}: for profiling one page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PageLoadBenchmark {

  static final Path WRK = Path.of("/usr/bin/wrk");
  static final int SESSIONS = 32;
  static final int SMALL = 10;
  static final int LARGE = 10_000;

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext context;

  /** One measured run of wrk. */
  record Run(String page, String rows, double perSecond, String p99, long errors) {}

  @Test
  void listPagesUnderThirtyTwoSessions() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(WRK), "install wrk (apt-get install wrk)");
    int seconds = Integer.getInteger("bench.seconds", 15);
    Tenant small = tenant(SMALL);
    Tenant large = tenant(LARGE);
    List<String> support = sessions("support", "demo12345");
    List<String> admin = sessions("admin", "demo12345");

    // The JVM's compilers warm up on every page first, so that the pages measured first are not
    // measured colder than the others (before this, every 10-row page came out slower than its
    // 10,000-row twin measured after it).
    for (Tenant tenant : List.of(small, large)) {
      for (String page : customerPages(tenant)) {
        wrk(page, "", tenant.sessions(), SESSIONS, 3);
      }
    }

    List<Run> runs = new ArrayList<>();
    runs.add(measure("/login", "-", List.of(), seconds));
    for (Tenant tenant : List.of(small, large)) {
      for (String page : customerPages(tenant)) {
        runs.add(measure(page, String.valueOf(tenant.rows()), tenant.sessions(), seconds));
      }
    }
    runs.add(measure("/support/tenants", "as is", support, seconds));
    runs.add(measure("/admin/audit", "as is", admin, seconds));
    moreTenantsAndAuditRecords(LARGE);
    runs.add(measure("/support/tenants", "+" + LARGE, support, seconds));
    runs.add(measure("/admin/audit", "+" + LARGE, admin, seconds));
    Run soak =
        chosen("soak")
            ? wrk("/receipts", String.valueOf(LARGE), large.sessions(), 200, 60)
            : new Run("/receipts", "skipped", 0, "-", 0);

    System.out.println();
    System.out.println("PageLoadBenchmark: wrk -t2 -c" + SESSIONS + " -d" + seconds + "s");
    System.out.printf("%-22s %8s %10s %10s %8s%n", "page", "rows", "req/s", "p99", "errors");
    for (Run run : runs) {
      System.out.printf(
          "%-22s %8s %10.1f %10s %8d%n",
          run.page(), run.rows(), run.perSecond(), run.p99(), run.errors());
    }
    System.out.printf(
        "soak: %s (%s rows), 200 connections, 60 s: %.1f req/s, p99 %s, errors %d%n",
        soak.page(), soak.rows(), soak.perSecond(), soak.p99(), soak.errors());
    assertThat(runs).allSatisfy(run -> assertThat(run.errors()).as(run.page()).isZero());
    assertThat(soak.errors()).isZero();
  }

  private static List<String> customerPages(Tenant tenant) {
    return List.of(
        "/", "/jobs", "/jobs/" + tenant.bigJob(), "/receipts", "/replies", "/optouts", "/accounts");
  }

  /** A tenant of this run's with {@code rows} rows in every list, and 32 sessions of its user. */
  record Tenant(int rows, long bigJob, List<String> sessions) {}

  private Tenant tenant(int rows) throws Exception {
    ListTenants list = new ListTenants(context);
    ListTenants.Customer customer = list.customer("load-" + rows + "-");
    long tenant = customer.tenantId();
    long account = customer.accountId();
    // One job of `rows` numbers (its page), and `rows` finished jobs for the job list.
    long bigJob = list.scheduledJob(customer, rows, "【聚合云】您好");
    List<Object[]> jobRows = new ArrayList<>();
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
    for (int j = 0; j < rows - 1; j++) {
      jobRows.add(
          new Object[] {
            tenant, account, UUID.randomUUID().toString(), "【聚合云】第 " + j + " 条", now.minusMinutes(j)
          });
    }
    jdbc.batchUpdate(
        "insert into send_job (tenant_id, account_id, idempotency_key, content, extno, state,"
            + " number_count, segments, chunk_count, created_at, created_by)"
            + " values (?, ?, ?, ?, '', 'FINISHED', 0, 1, 0, ?, 'bench')",
        jobRows);
    PolledRows polled = new PolledRows(jdbc);
    Instant at = Instant.now().minus(Duration.ofDays(1));
    List<Report> reports = new ArrayList<>();
    List<Reply> replies = new ArrayList<>();
    List<Object[]> optOuts = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      String mobile = String.format("1371%07d", r);
      reports.add(
          new Report(
              tenant,
              PolledRows.randomTaskId(),
              mobile,
              10,
              at.plusSeconds(r),
              "DELIVRD",
              "",
              null));
      replies.add(new Reply(tenant, mobile, "收到 " + r, at.plusSeconds(r), "", null, false));
      optOuts.add(new Object[] {tenant, mobile, Timestamp.valueOf(now)});
    }
    polled.reports(reports);
    polled.replies(replies);
    jdbc.batchUpdate(
        "insert into opt_out (tenant_id, mobile, source, created_at, created_by)"
            + " values (?, ?, 'MANUAL', ?, 'bench')",
        optOuts);
    return new Tenant(rows, bigJob, sessions(customer.username(), ListTenants.PASSWORD));
  }

  private void moreTenantsAndAuditRecords(int count) {
    List<Object[]> tenantRows = new ArrayList<>();
    List<Object[]> auditRows = new ArrayList<>();
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
    String run = UUID.randomUUID().toString().substring(0, 6);
    for (int i = 0; i < count; i++) {
      tenantRows.add(new Object[] {"load tenant " + run + " " + i, now});
      auditRows.add(new Object[] {now.minusSeconds(i), "load " + i});
    }
    jdbc.batchUpdate(
        "insert into tenant (name, status, created_at) values (?, 'ACTIVE', ?)", tenantRows);
    jdbc.batchUpdate(
        "insert into audit_event (occurred_at, actor, action, outcome, target)"
            + " values (?, 'bench', 'EXPORT', 'SUCCESS', ?)",
        auditRows);
  }

  private List<String> sessions(String username, String password) throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < SESSIONS; i++) {
      ids.add(new PortalHttpClient(port).logIn(username, password).sessionId());
    }
    return ids;
  }

  /** A warm-up of 5 s, then the measured run. */
  private Run measure(String page, String rows, List<String> sessions, int seconds)
      throws Exception {
    if (!chosen(page + "@" + rows)) {
      return new Run(page, rows, 0, "skipped", 0);
    }
    if (!sessions.isEmpty()) {
      // What is measured is the page itself, not a redirect to the login or second-factor page.
      java.net.http.HttpResponse<Void> answer =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create("http://localhost:" + port + page))
                      .header("Cookie", "SESSION=" + sessions.get(0))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.discarding());
      assertThat(answer.statusCode()).as(page + " answers its page").isEqualTo(200);
    }
    wrk(page, rows, sessions, SESSIONS, 5);
    return wrk(page, rows, sessions, SESSIONS, seconds);
  }

  private Run wrk(String page, String rows, List<String> sessions, int connections, int seconds)
      throws Exception {
    Path script = Files.createTempFile("sessions-", ".lua");
    Files.writeString(script, lua(sessions), StandardCharsets.UTF_8);
    Process process =
        new ProcessBuilder(
                WRK.toString(),
                "-t2",
                "-c" + connections,
                "-d" + seconds + "s",
                "--timeout",
                "10s",
                "--latency",
                "-s",
                script.toString(),
                "http://localhost:" + port + page)
            .redirectErrorStream(true)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    Files.delete(script);
    return new Run(
        page,
        rows,
        Double.parseDouble(find(out, "Requests/sec:\\s+([\\d.]+)", "0")),
        find(out, "\\s99%\\s+(\\S+)", "?"),
        Long.parseLong(find(out, "Non-2xx or 3xx responses: (\\d+)", "0"))
            + errors(find(out, "Socket errors: ([^\\n]+)", "")));
  }

  private static boolean chosen(String run) {
    String only = System.getProperty("bench.only", "");
    return only.isEmpty() || Pattern.compile(only).matcher(run).find();
  }

  /** Each request goes out with the next of the sessions, round and round. */
  private static String lua(List<String> sessions) {
    return "local sessions = {"
        + sessions.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(","))
        + "}\nlocal i = 0\nrequest = function()\n  i = i + 1\n"
        + "  local headers = {}\n"
        + "  if #sessions > 0 then headers[\"Cookie\"] = \"SESSION=\" .. sessions[(i % #sessions) + 1] end\n"
        + "  return wrk.format(\"GET\", nil, headers)\nend\n";
  }

  private static long errors(String socketErrors) {
    long sum = 0;
    Matcher count = Pattern.compile("(\\d+)").matcher(socketErrors);
    while (count.find()) {
      sum += Long.parseLong(count.group(1));
    }
    return sum;
  }

  private static String find(String text, String regex, String otherwise) {
    Matcher m = Pattern.compile(regex).matcher(text);
    return m.find() ? m.group(1) : otherwise;
  }
}
