package com.smsportal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.Logins;
import com.smsportal.MultipartForm;
import com.smsportal.PortalHttpClient;
import com.smsportal.SimulatorControl;
import com.smsportal.TestEndpoints;
import com.smsportal.gateway.AnswerSink;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gateway.GatewayClient;
import com.smsportal.gateway.GatewayLogin;
import com.smsportal.gateway.StatusReport;
import com.smsportal.gateway.StatusReportBatch;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.gatewayaccount.GatewayEndpoints;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark, not a test of speed (issue 24): in one run, a plain job of 100,000 numbers and a
 * personalised job of 100,000 recipients with 10 distinct texts ({@code ${name}} filled from a
 * spreadsheet's column), each uploaded through the real {@code POST /send} and its confirmation by
 * {@code acme}, stored, then submitted by the worker to the simulator. Prints for each: the time to
 * review and store it, the time until every chunk was SUBMITTED, numbers per second, gateway calls,
 * and the peak heap. It asserts only correctness: the simulator got each number once, and the
 * personalised job's chunks carry exactly 10 texts.
 *
 * <p>Peak heap: the test JVM's used heap sampled every 50 ms ({@code Runtime}), and the sum of the
 * heap pools' own peaks ({@code MemoryPoolMXBean.getPeakUsage}, reset before each job) over the
 * job's review, store and submission; the whole JVM (portal, simulator and test) is measured.
 *
 * <p>Run: {@code ./mvnw -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=PersonalisedSendBenchmark} (add {@code -Pci} for MariaDB). The submit rate limit is set
 * high as in {@link SendJobBenchmark}, so that it is not what is measured.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "smsportal.sending.worker-enabled=true",
      "smsportal.sending.poll-every=PT0.1S",
      "smsportal.sending.submits-per-second=${bench.submits-per-second:1000}",
      "smsportal.simulator.report-delay=0s",
      "logging.level.com.smsportal.sending.worker.ChunkOutcomes=WARN"
    })
class PersonalisedSendBenchmark {

  private static final int NUMBERS = 100_000;
  private static final int TEXTS = 10;
  private static final String PLAIN = "【聚合云】您的订单已发货。";
  private static final String PERSONAL = "【聚合云】${name}您好，您的订单已发货。";
  private static final Pattern KEY =
      Pattern.compile("name=\"idempotencyKey\"[^>]*value=\"([^\"]+)\"");
  private static final long MB = 1024 * 1024;

  @LocalServerPort int port;
  @Autowired GatewayAccounts accounts;
  @Autowired GatewayEndpoints endpoints;
  @Autowired TenantService tenants;
  @Autowired GatewayClient client;
  @Autowired JdbcTemplate jdbc;

  @Value("${smsportal.simulator.accounts[2].password}")
  String bulkPassword;

  @Value("${smsportal.sending.submits-per-second}")
  int submitsPerSecond;

  @Value("${it.database:h2}")
  String database;

  /** One job's figures. */
  private record Run(
      String what, long job, int chunks, double storeS, double submitS, long peak, long pools) {

    String line() {
      return String.format(
          Locale.ROOT,
          "%-13s %,d numbers in %,d calls: stored in %.2f s, submitted in %.2f s (%,.0f numbers/s,"
              + " %.1f calls/s); peak heap used %d MB sampled, %d MB heap pool peaks",
          what,
          NUMBERS,
          chunks,
          storeS,
          submitS,
          NUMBERS / submitS,
          chunks / submitS,
          peak / MB,
          pools / MB);
    }
  }

  @Test
  void aPersonalisedJobOf100000RecipientsWith10TextsAgainstAPlainOne() throws Exception {
    new SimulatorControl(port).post("/reset", Map.of());
    long acme = tenants.findByName("Acme").orElseThrow().id();
    long account =
        TenantContext.callAs(
            acme,
            () ->
                accounts.ensure(
                    "bench-bulk",
                    TestEndpoints.of(endpoints, "http://localhost:" + port + "/simulator"),
                    GatewayCharset.UTF8,
                    "103",
                    "bulk",
                    bulkPassword));
    PortalHttpClient browser = new PortalHttpClient(port).logIn("acme", Logins.DEMO_PASSWORD);

    StringBuilder plain = new StringBuilder();
    StringBuilder sheet = new StringBuilder("mobile,name\n");
    for (int i = 0; i < NUMBERS; i++) {
      plain.append(String.format("139%08d", i)).append('\n');
      sheet.append(String.format("138%08d", i)).append(",客户").append(i % TEXTS).append('\n');
    }
    Run first = run(browser, account, "plain", PLAIN, "numbers.txt", plain.toString());
    Run second =
        run(browser, account, "personalised", PERSONAL, "recipients.csv", sheet.toString());

    assertThat(
            jdbc.queryForObject(
                "select count(distinct content) from send_chunk where job_id = ?",
                Integer.class,
                second.job()))
        .isEqualTo(TEXTS);
    Map<String, Integer> received = receivedBySimulator();
    assertThat(received).hasSize(2 * NUMBERS);
    assertThat(received.values()).as("each number sent once").containsOnly(1);

    System.out.printf(
        "%n==== PersonalisedSendBenchmark on %s (submit rate limit %d/s per account) ====%n%s%n%s%n"
            + "personalised/plain: %.2f of the plain job's numbers/s%n====%n",
        database,
        submitsPerSecond,
        first.line(),
        second.line(),
        first.submitS() / second.submitS());
  }

  private Run run(
      PortalHttpClient browser,
      long accountId,
      String what,
      String content,
      String name,
      String file)
      throws Exception {
    String compose = browser.get("/send").body();
    Matcher key = KEY.matcher(compose);
    assertThat(key.find()).isTrue();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("_csrf", PortalHttpClient.csrf(compose));
    fields.put("idempotencyKey", key.group(1));
    fields.put("accountId", Long.toString(accountId));
    fields.put("mobiles", "");
    fields.put("content", content);
    fields.put("sendTime", "");
    fields.put("extno", "");
    HeapWatch heap = new HeapWatch(50);
    long start = System.nanoTime();
    HttpResponse<String> answer =
        browser.confirmSend(
            browser.post(
                "/send",
                new MultipartForm(
                    fields, "file", name, "text/plain", file.getBytes(StandardCharsets.UTF_8))));
    long stored = System.nanoTime();
    String location = answer.headers().firstValue("Location").orElse("");
    assertThat(location).as(answer.body()).contains("/jobs/");
    long job = Long.parseLong(location.replaceAll(".*/jobs/(\\d+).*", "$1"));
    int chunks = count("select count(*) from send_chunk where job_id = ?", job);
    while (count("select count(*) from send_chunk where job_id = ? and state = 'SUBMITTED'", job)
        < chunks) {
      if (System.nanoTime() - stored > Duration.ofMinutes(30).toNanos()) {
        throw new AssertionError("not fully submitted within 30 minutes");
      }
      Thread.sleep(50);
    }
    long submitted = System.nanoTime();
    heap.stop();
    return new Run(
        what,
        job,
        chunks,
        (stored - start) / 1e9,
        (submitted - stored) / 1e9,
        heap.sampledPeak.get(),
        heap.poolPeaks());
  }

  /** Drains the simulator's status reports: one per number it accepted. */
  private Map<String, Integer> receivedBySimulator() {
    GatewayLogin bulk =
        new GatewayLogin(
            "http://localhost:" + port + "/simulator",
            GatewayCharset.UTF8,
            "103",
            "bulk",
            bulkPassword);
    Map<String, Integer> received = new HashMap<>();
    while (true) {
      StatusReportBatch reports =
          GatewayClient.readStatusReports(client.fetchStatusReports(bulk, 20_000, AnswerSink.NONE));
      if (reports.reports().isEmpty()) {
        return received;
      }
      for (StatusReport report : reports.reports()) {
        received.merge(report.mobile(), 1, Integer::sum);
      }
    }
  }

  private int count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Integer.class, args);
  }
}
