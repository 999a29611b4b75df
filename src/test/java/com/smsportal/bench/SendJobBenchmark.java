package com.smsportal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.Logins;
import com.smsportal.MultipartForm;
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
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark, not a test of speed: one job of 100,000 distinct numbers, uploaded as a file through
 * the real {@code POST /send} by the customer {@code acme}, submitted by the send worker in chunks
 * of 1,000 to the simulator. Prints how long storing the job took, how long until every chunk was
 * SUBMITTED, submits per second, the peak heap, and the latency of the job page and of its htmx
 * progress partial polled while the worker runs. It asserts only correctness: the simulator got
 * each of the 100,000 numbers exactly once.
 *
 * <p>Run: {@code ./mvnw -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=SendJobBenchmark} (add {@code -Pci} for a second run on MariaDB). The submit rate limit
 * is set high ({@code bench.submits-per-second}, default 1000) so that it is not what is measured;
 * {@code -Dbench.submits-per-second=5} measures the portal's default rate.
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
class SendJobBenchmark {

  private static final int NUMBERS = 100_000;
  private static final String CONTENT = "【聚合云】您的验证码是 1234。";
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
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

  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  @Test
  void aJobOf100000Numbers() throws Exception {
    new SimulatorControl(port).post("/reset", Map.of());
    long acme = tenants.findByName("Acme").orElseThrow().id();
    long account =
        TenantContext.callAs(
            acme,
            () ->
                accounts.ensure(
                    "bench-bulk",
                    TestEndpoints.of(endpoints, base()),
                    GatewayCharset.UTF8,
                    "103",
                    "bulk",
                    bulkPassword));
    long balanceBefore = balance();
    List<String> numbers = new ArrayList<>(NUMBERS);
    for (int i = 0; i < NUMBERS; i++) {
      numbers.add(String.format("139%08d", i));
    }
    byte[] file = (String.join("\n", numbers) + "\n").getBytes(StandardCharsets.UTF_8);
    logIn("acme", Logins.DEMO_PASSWORD);
    String form = get("/send", false).body();

    HeapWatch heap = new HeapWatch();
    heap.start();
    long postStart = System.nanoTime();
    HttpResponse<String> posted = postSend(form, account, file);
    long postEnd = System.nanoTime();
    String location = posted.headers().firstValue("Location").orElse("");
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
    assertThat(location).as("redirect after POST /send").contains("/jobs/");
    long jobId = Long.parseLong(location.replaceAll(".*/jobs/(\\d+).*", "$1"));
    int chunkCount = count("select count(*) from send_chunk where job_id = ?", jobId);

    Latencies page = new Latencies();
    Latencies partial = new Latencies();
    AtomicBoolean running = new AtomicBoolean(true);
    Thread sampler =
        new Thread(
            () -> {
              while (running.get()) {
                page.time(() -> get("/jobs/" + jobId, false), "id=\"chunk-table\"");
                partial.time(() -> get("/jobs/" + jobId, true), "id=\"job-progress\"");
                sleep(50);
              }
            },
            "job-page-sampler");
    sampler.start();
    long firstSubmitted = 0;
    long allSubmitted;
    while (true) {
      int submitted =
          count(
              "select count(*) from send_chunk where job_id = ? and state <> 'QUEUED'"
                  + " and state <> 'SUBMITTING'",
              jobId);
      if (submitted > 0 && firstSubmitted == 0) {
        firstSubmitted = System.nanoTime();
      }
      if (submitted == chunkCount) {
        allSubmitted = System.nanoTime();
        break;
      }
      if (System.nanoTime() - postEnd > Duration.ofMinutes(30).toNanos()) {
        throw new AssertionError("not fully submitted within 30 minutes");
      }
      Thread.sleep(50);
    }
    running.set(false);
    sampler.join();
    heap.stop();

    // Correctness: every chunk and number SUBMITTED, and the simulator got each number once.
    assertThat(
            count(
                "select count(*) from send_chunk where job_id = ? and state = 'SUBMITTED'", jobId))
        .isEqualTo(chunkCount);
    assertThat(
            count(
                "select count(*) from send_number where job_id = ? and state = 'SUBMITTED'", jobId))
        .isEqualTo(NUMBERS);
    assertThat(
            count(
                "select count(distinct task_id) from send_chunk where job_id = ? and attempts = 1",
                jobId))
        .isEqualTo(chunkCount);
    assertThat(page.failures).as("job page answers other than 200 with the page").isEmpty();
    assertThat(partial.failures).as("progress answers other than 200 with it").isEmpty();
    Map<String, Integer> received = receivedBySimulator();
    assertThat(received).hasSize(NUMBERS);
    assertThat(received.keySet()).isEqualTo(new HashSet<>(numbers));
    assertThat(received.values()).as("each number sent once").containsOnly(1);
    assertThat(balance()).isEqualTo(balanceBefore - NUMBERS);

    double storeS = seconds(postEnd - postStart);
    double submitS = seconds(allSubmitted - postEnd);
    StringBuilder out = new StringBuilder();
    out.append("\n==== SendJobBenchmark on ").append(database).append(" ====\n");
    line(out, "job", NUMBERS + " distinct numbers in " + chunkCount + " chunks (file upload)");
    line(out, "submit rate limit", submitsPerSecond + " submits/s per gateway account");
    line(out, "POST /send (job stored)", fmt("%.2f s", storeS));
    line(
        out,
        "first chunk submitted",
        fmt("%.2f s after POST returned", seconds(firstSubmitted - postEnd)));
    line(
        out,
        "all chunks SUBMITTED",
        fmt(
            "%.2f s after POST returned (%.2f s from POST start)",
            submitS, seconds(allSubmitted - postStart)));
    line(
        out,
        "submits per second",
        fmt("%.1f chunks/s, %.0f numbers/s", chunkCount / submitS, NUMBERS / submitS));
    line(
        out,
        "heap (whole test JVM)",
        fmt(
            "baseline %d MB; peak used %d MB (Runtime sampled every 50 ms); sum of heap pool"
                + " peaks %d MB; max heap %d MB",
            heap.baseline / MB,
            heap.sampledPeak.get() / MB,
            heap.poolPeaks() / MB,
            Runtime.getRuntime().maxMemory() / MB));
    line(out, "GET /jobs/{id} (page)", page.summary());
    line(out, "GET /jobs/{id} (htmx)", partial.summary());
    line(
        out,
        "correctness",
        "simulator received "
            + received.size()
            + " distinct numbers, each once; balance "
            + balanceBefore
            + " -> "
            + balance());
    out.append("====\n");
    System.out.println(out);
  }

  // ---- the customer's browser

  private void logIn(String username, String password) throws Exception {
    String form =
        "username="
            + enc(username)
            + "&password="
            + enc(password)
            + "&_csrf="
            + enc(csrf(get("/login", false).body()));
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
  }

  private HttpResponse<String> postSend(String composePage, long account, byte[] file)
      throws Exception {
    Matcher key = KEY.matcher(composePage);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("_csrf", csrf(composePage));
    fields.put("idempotencyKey", key.find() ? key.group(1) : UUID.randomUUID().toString());
    fields.put("accountId", Long.toString(account));
    fields.put("mobiles", "");
    fields.put("content", CONTENT);
    fields.put("sendTime", "");
    fields.put("extno", "");
    MultipartForm form = new MultipartForm(fields, "file", "numbers.txt", "text/plain", file);
    HttpResponse<String> reviewed =
        http.send(
            HttpRequest.newBuilder(URI.create(url("/send")))
                .header("Content-Type", form.contentType())
                .header("Accept", "text/html")
                .timeout(Duration.ofMinutes(30))
                .POST(form.publisher())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    // Issue 23: the submit shows what will be sent; the confirm stores it.
    String confirm = com.smsportal.PortalHttpClient.confirmation(reviewed);
    if (confirm == null) {
      return reviewed;
    }
    return http.send(
        HttpRequest.newBuilder(URI.create(url("/send")))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.ofString(confirm))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, boolean htmx) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url(path))).header("Accept", "text/html").GET();
    if (htmx) {
      request.header("HX-Request", "true");
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String csrf(String page) {
    Matcher token = CSRF.matcher(page);
    if (!token.find()) {
      throw new AssertionError("no CSRF token on the page");
    }
    return token.group(1);
  }

  // ---- the simulator's side

  /** Drains the simulator's status reports: one per number it accepted. */
  private Map<String, Integer> receivedBySimulator() {
    Map<String, Integer> received = new HashMap<>();
    while (true) {
      StatusReportBatch reports =
          GatewayClient.readStatusReports(
              client.fetchStatusReports(bulkAccount(), 20_000, AnswerSink.NONE));
      if (reports.reports().isEmpty()) {
        return received;
      }
      for (StatusReport report : reports.reports()) {
        received.merge(report.mobile(), 1, Integer::sum);
      }
    }
  }

  private long balance() {
    return client.overage(bulkAccount()).overage();
  }

  private GatewayLogin bulkAccount() {
    return new GatewayLogin(base(), GatewayCharset.UTF8, "103", "bulk", bulkPassword);
  }

  private String base() {
    return url("/simulator");
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private int count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Integer.class, args);
  }

  // ---- measuring

  /** Heap used, sampled every 50 ms, and the heap pools' own peaks since the start. */
  private static final class HeapWatch {
    final AtomicLong sampledPeak = new AtomicLong();
    final AtomicBoolean running = new AtomicBoolean(true);
    long baseline;
    Thread thread;

    void start() {
      System.gc();
      Runtime runtime = Runtime.getRuntime();
      baseline = runtime.totalMemory() - runtime.freeMemory();
      for (MemoryPoolMXBean pool : heapPools()) {
        pool.resetPeakUsage();
      }
      thread =
          new Thread(
              () -> {
                while (running.get()) {
                  sampledPeak.accumulateAndGet(
                      runtime.totalMemory() - runtime.freeMemory(), Math::max);
                  sleep(50);
                }
              },
              "heap-sampler");
      thread.setDaemon(true);
      thread.start();
    }

    void stop() throws InterruptedException {
      running.set(false);
      thread.join();
    }

    long poolPeaks() {
      return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static List<MemoryPoolMXBean> heapPools() {
      return ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP)
          .toList();
    }
  }

  private interface Call {
    HttpResponse<String> call();
  }

  private static final class Latencies {
    private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
    final List<Integer> failures = Collections.synchronizedList(new ArrayList<>());

    void time(Call call, String expected) {
      long start = System.nanoTime();
      HttpResponse<String> response = call.call();
      nanos.add(System.nanoTime() - start);
      if (response.statusCode() != 200 || !response.body().contains(expected)) {
        failures.add(response.statusCode());
      }
    }

    String summary() {
      List<Long> sorted = new ArrayList<>(nanos);
      Collections.sort(sorted);
      if (sorted.isEmpty()) {
        return "no samples";
      }
      return fmt(
          "n=%d median %.0f ms, p95 %.0f ms, max %.0f ms",
          sorted.size(),
          millis(sorted.get(sorted.size() / 2)),
          millis(
              sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.95) - 1))),
          millis(sorted.get(sorted.size() - 1)));
    }
  }

  private static void line(StringBuilder out, String what, String value) {
    out.append(String.format(Locale.ROOT, "%-26s %s%n", what, value));
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
