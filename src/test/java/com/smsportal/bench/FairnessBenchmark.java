package com.smsportal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.MultipartForm;
import com.smsportal.PortalHttpClient;
import com.smsportal.SimulatorControl;
import com.smsportal.TestEndpoints;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.gatewayaccount.GatewayEndpoints;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import com.smsportal.user.Role;
import com.smsportal.user.UserService;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark, not a test of speed: whether one tenant's big, slow job holds back everyone else's
 * messages. 20 tenants, each with its own account at the simulator and its own customer. Twice for
 * {@code bench.seconds} (60): tenants 2–20 each {@code POST /send} 10 numbers every second, and
 * each job's time from the start of its POST to its chunk's SUBMITTED (the chunk's answer time) is
 * taken. The first time tenant 1 is idle; the second time tenant 1 has just posted a job of {@code
 * bench.numbers} (100,000) numbers in chunks of 100 on an account whose gateway answers every call
 * after 5 s. Prints p50 and p95 of both runs and their ratio (the goal: at most 1.5). The portal
 * runs with its default sending settings (worker every second, 8 sending threads, 5 submits/s per
 * account). It asserts only correctness: every small job was submitted, and tenant 1's account
 * never had two submits in flight.
 *
 * <p>Run: {@code ./mvnw -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=FairnessBenchmark} ({@code -Dbench.seconds=20} for a shorter run; {@code -Pci} runs it
 * on MariaDB too).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "smsportal.sending.worker-enabled=true",
      "smsportal.simulator.report-delay=1h",
      "logging.level.com.smsportal.sending.worker.ChunkOutcomes=WARN"
    })
class FairnessBenchmark {

  private static final int TENANTS = 20;
  private static final int SMALL_JOB = 10;
  private static final String CONTENT = "【聚合云】您的验证码是 1234。";
  private static final String PASSWORD = "a-good-password-1";

  @LocalServerPort int port;

  @Autowired GatewayAccounts accounts;
  @Autowired GatewayEndpoints endpoints;
  @Autowired TenantService tenants;
  @Autowired UserService users;
  @Autowired JdbcTemplate jdbc;

  @org.springframework.beans.factory.annotation.Value("${it.database:h2}")
  String database;

  private final int seconds = Integer.getInteger("bench.seconds", 60);
  private final int warmUp = Integer.getInteger("bench.warm-up", 20);
  private final int bigJob = Integer.getInteger("bench.numbers", 100_000);

  /** One tenant with its customer logged in and its gateway account. */
  private record Sender(
      long tenantId,
      long accountId,
      SimulatorControl.OpenedAccount gateway,
      PortalHttpClient web) {}

  /** A small job: when its POST began and how long it took, and its id. */
  private record Posted(Instant postedAt, Duration post, long jobId) {}

  /** The small jobs of one run: POST to SUBMITTED, and the POSTs alone. */
  private record Times(List<Duration> submitted, List<Duration> posts) {}

  @Test
  void smallJobsNextToABigSlowOne() throws Exception {
    SimulatorControl control = new SimulatorControl(port);
    control.post("/reset", Map.of());
    String run = UUID.randomUUID().toString().substring(0, 6);
    List<Sender> senders = new ArrayList<>();
    for (int i = 1; i <= TENANTS; i++) {
      senders.add(sender(control, "fair" + i + "-" + run));
    }
    Sender big = senders.get(0);
    List<Sender> small = senders.subList(1, TENANTS);
    jdbc.update("update gateway_account set chunk_size = 100 where id = ?", big.accountId());

    smallJobs(small, warmUp); // not counted: the JVM and the pools warm up
    Times idle = smallJobs(small, seconds);

    long bigJobId = postBigJob(big);
    control.post(
        "/faults",
        Map.of("account", big.gateway().account(), "mode", "LATENCY", "latencyMillis", "5000"));
    await(
        () ->
            count(
                    "select count(*) from send_chunk where job_id = ? and state <> 'QUEUED'",
                    bigJobId)
                > 0);
    InFlight inFlight = new InFlight(bigJobId);
    inFlight.start();
    Times loaded = smallJobs(small, seconds);
    inFlight.stop();
    int bigSubmitted =
        count("select count(*) from send_chunk where job_id = ? and state = 'SUBMITTED'", bigJobId);
    TenantContext.runAs(
        big.tenantId(),
        () ->
            jdbc.update(
                "update send_chunk set state = 'CANCELLED' where job_id = ? and state = 'QUEUED'",
                bigJobId));
    control.fault(big.gateway().account(), "NONE", 0);

    assertThat(inFlight.most.get())
        .as("tenant 1's account: one submit in flight at most")
        .isEqualTo(1);
    double idle50 = percentile(idle.submitted(), 50);
    double idle95 = percentile(idle.submitted(), 95);
    double loaded50 = percentile(loaded.submitted(), 50);
    double loaded95 = percentile(loaded.submitted(), 95);
    System.out.printf(
        Locale.ROOT,
        "%n=== FairnessBenchmark (%s, %d s, tenant 1: %,d numbers in chunks of 100, send answered"
            + " after 5 s) ===%n"
            + "tenants 2-%d, %d numbers each per second; POST /send to chunk SUBMITTED:%n"
            + "  tenant 1 idle:    %,d jobs, p50 %.0f ms, p95 %.0f ms (the POST alone: p50 %.0f ms)%n"
            + "  tenant 1 sending: %,d jobs, p50 %.0f ms, p95 %.0f ms (the POST alone: p50 %.0f ms;"
            + " tenant 1: %d chunks submitted meanwhile)%n"
            + "  ratio: p50 %.2f, p95 %.2f (goal <= 1.5)%n%n",
        database,
        seconds,
        bigJob,
        TENANTS,
        SMALL_JOB,
        idle.submitted().size(),
        idle50,
        idle95,
        percentile(idle.posts(), 50),
        loaded.submitted().size(),
        loaded50,
        loaded95,
        percentile(loaded.posts(), 50),
        bigSubmitted,
        loaded50 / idle50,
        loaded95 / idle95);
  }

  /**
   * Each small tenant posts a job of 10 numbers every second for the run's seconds; returns each
   * job's time from its POST to its chunk's answer, once all are submitted.
   */
  private Times smallJobs(List<Sender> small, int seconds) throws Exception {
    ConcurrentLinkedQueue<Posted> posted = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    ScheduledExecutorService load = Executors.newScheduledThreadPool(small.size());
    AtomicInteger serial = new AtomicInteger();
    for (Sender sender : small) {
      load.scheduleAtFixedRate(
          () -> {
            try {
              Instant at = Instant.now();
              long started = System.nanoTime();
              HttpResponse<String> response =
                  post(sender, numbers(serial.incrementAndGet()), "", "text/plain");
              Duration took = Duration.ofNanos(System.nanoTime() - started);
              String location = response.headers().firstValue("Location").orElse("");
              if (response.statusCode() != 302 || !location.contains("/jobs/")) {
                failures.add(response.statusCode() + " " + location);
                return;
              }
              posted.add(
                  new Posted(
                      at, took, Long.parseLong(location.replaceAll(".*/jobs/(\\d+).*", "$1"))));
            } catch (Exception e) {
              failures.add(String.valueOf(e));
            }
          },
          0,
          1,
          TimeUnit.SECONDS);
    }
    Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
    load.shutdown();
    assertThat(load.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
    assertThat(failures).as("every POST /send made its job").isEmpty();
    List<Duration> times = new ArrayList<>();
    List<Duration> posts = new ArrayList<>();
    for (Posted job : posted) {
      posts.add(job.post());
      await(
          () ->
              count(
                      "select count(*) from send_chunk where job_id = ? and state = 'SUBMITTED'",
                      job.jobId())
                  == 1);
      Timestamp answered =
          jdbc.queryForObject(
              "select answered_at from send_chunk where job_id = ?", Timestamp.class, job.jobId());
      times.add(Duration.between(job.postedAt(), answered.toInstant()));
    }
    return new Times(times, posts);
  }

  private long postBigJob(Sender big) throws Exception {
    StringBuilder file = new StringBuilder();
    for (int i = 0; i < bigJob; i++) {
      file.append(String.format("139%08d%n", i));
    }
    HttpResponse<String> response = post(big, "", file.toString(), "text/plain");
    String location = response.headers().firstValue("Location").orElse("");
    assertThat(location).as(response.body()).contains("/jobs/");
    return Long.parseLong(location.replaceAll(".*/jobs/(\\d+).*", "$1"));
  }

  private HttpResponse<String> post(Sender sender, String mobiles, String file, String type)
      throws Exception {
    String compose = sender.web().get("/send").body();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("_csrf", PortalHttpClient.csrf(compose));
    fields.put("idempotencyKey", UUID.randomUUID().toString());
    fields.put("accountId", Long.toString(sender.accountId()));
    fields.put("mobiles", mobiles);
    fields.put("content", CONTENT);
    fields.put("sendTime", "");
    fields.put("extno", "");
    return sender
        .web()
        .confirmSend(
            sender
                .web()
                .post(
                    "/send",
                    new MultipartForm(
                        fields,
                        "file",
                        "numbers.txt",
                        type,
                        file.getBytes(StandardCharsets.UTF_8))));
  }

  private Sender sender(SimulatorControl control, String name) throws Exception {
    SimulatorControl.OpenedAccount gw = control.open(name, 100_000_000);
    long tenantId = tenants.create(name).id();
    users.create(name, PASSWORD, Role.TENANT_ADMIN, tenantId);
    long accountId =
        TenantContext.callAs(
            tenantId,
            () ->
                accounts.ensure(
                    name,
                    TestEndpoints.of(endpoints, TestEndpoints.simulator(port)),
                    GatewayCharset.UTF8,
                    gw.userid(),
                    gw.account(),
                    gw.password()));
    PortalHttpClient web = new PortalHttpClient(port).logIn(name, PASSWORD);
    return new Sender(tenantId, accountId, gw, web);
  }

  /** Ten numbers of one job, one apart from every other job's. */
  private static String numbers(int job) {
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < SMALL_JOB; i++) {
      numbers.add(String.format("138%04d%04d", job % 10_000, i));
    }
    return String.join("\n", numbers);
  }

  /** Watches tenant 1's job: the most chunks SUBMITTING at once. */
  private final class InFlight {
    private final long jobId;
    final AtomicInteger most = new AtomicInteger();
    private volatile boolean running = true;
    private Thread thread;

    InFlight(long jobId) {
      this.jobId = jobId;
    }

    void start() {
      thread =
          new Thread(
              () -> {
                while (running) {
                  int now =
                      count(
                          "select count(*) from send_chunk where job_id = ? and state = 'SUBMITTING'",
                          jobId);
                  most.accumulateAndGet(now, Math::max);
                  try {
                    Thread.sleep(100);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "in-flight-watch");
      thread.start();
    }

    void stop() throws InterruptedException {
      running = false;
      thread.join();
    }
  }

  private static double percentile(List<Duration> times, int p) {
    List<Long> millis = new ArrayList<>(times.stream().map(Duration::toMillis).toList());
    Collections.sort(millis);
    if (millis.isEmpty()) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * millis.size()) - 1;
    return millis.get(Math.max(0, Math.min(millis.size() - 1, index)));
  }

  private int count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Integer.class, args);
  }

  private static void await(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not reached within 5 minutes");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
