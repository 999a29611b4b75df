package com.smsportal.sending.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.DatabaseDependent;
import com.smsportal.SimulatorControl;
import com.smsportal.TestEndpoints;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.gatewayaccount.GatewayEndpoints;
import com.smsportal.sending.ChunkState;
import com.smsportal.sending.ChunkView;
import com.smsportal.sending.SendJobs;
import com.smsportal.sending.SendOrder;
import com.smsportal.sending.SubmitResult;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Fair sending as a customer sees it: a tenant whose gateway account answers slowly (or hangs)
 * holds back only its own chunks, one in flight at a time, while another tenant's messages go. The
 * sending pool has two threads here; the slow account's calls take 12 s.
 *
 * <p>That hanging call outlives its test, so its test runs last: a stop of the worker waits for
 * every call under way, and the stop test would wait out the 12 s too.
 */
@DatabaseDependent(
    "one submit in flight per account across threads: leases taken with FOR UPDATE SKIP LOCKED")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "smsportal.gateway.read-timeout=30s",
      "smsportal.sending.worker-enabled=true",
      "smsportal.sending.poll-every=PT0.2S",
      "smsportal.sending.threads=2",
      "smsportal.metrics.token=" + FairSendingIntegrationTests.METRICS_TOKEN
    })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FairSendingIntegrationTests {

  static final String METRICS_TOKEN = "the-scrapers-token-of-this-test-7c1d";
  private static final String CONTENT = "【聚合云】您的验证码是 1234。";

  @LocalServerPort int port;

  @Autowired SendJobs sendJobs;
  @Autowired GatewayAccounts accounts;
  @Autowired GatewayEndpoints endpoints;
  @Autowired TenantService tenants;
  @Autowired SendWorker worker;

  private final List<String> slowAccounts = new ArrayList<>();

  @AfterEach
  void noFaultLeft() throws Exception {
    for (String account : slowAccounts) {
      control().fault(account, "NONE", 0);
    }
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void aTenantWhoseGatewayHangsHoldsBackOnlyItsOwnChunks() throws Exception {
    Sender slow = sender("Slow");
    slowAccounts.add(slow.gateway().account());
    control()
        .post(
            "/faults",
            Map.of(
                "account", slow.gateway().account(), "mode", "LATENCY", "latencyMillis", "12000"));
    long bigJob = slow.submit(3000); // three chunks of 1,000
    await(() -> slow.chunkStates(bigJob).contains(ChunkState.SUBMITTING));

    Sender other = sender("Other");
    long smallJob = other.submit(10);

    await(() -> other.chunkStates(smallJob).equals(List.of(ChunkState.SUBMITTED)));
    assertThat(slow.chunkStates(bigJob))
        .as("the slow account's first call still under way, its other chunks waiting their turn")
        .containsExactly(ChunkState.SUBMITTING, ChunkState.QUEUED, ChunkState.QUEUED);
  }

  @Test
  void anAccountNeverHasTwoSubmitsInFlight() throws Exception {
    Sender slow = sender("OneAtATime");
    slowAccounts.add(slow.gateway().account());
    control()
        .post(
            "/faults",
            Map.of(
                "account", slow.gateway().account(), "mode", "LATENCY", "latencyMillis", "1500"));
    long first = slow.submit(2000);
    long second = slow.submit(1000);

    // Both threads are free at the start and the account's three chunks wait; watched over two
    // of its calls and into the third.
    long deadline = System.nanoTime() + Duration.ofSeconds(4).toNanos();
    int mostInFlight = 0;
    while (System.nanoTime() < deadline) {
      List<ChunkState> states = new ArrayList<>(slow.chunkStates(first));
      states.addAll(slow.chunkStates(second));
      mostInFlight =
          Math.max(
              mostInFlight, (int) states.stream().filter(s -> s == ChunkState.SUBMITTING).count());
      Thread.sleep(50);
    }

    assertThat(mostInFlight).isEqualTo(1);
  }

  @Test
  void aStopLetsTheCallUnderWayFinishAndStartsNoOther() throws Exception {
    Sender slow = sender("Stopping");
    slowAccounts.add(slow.gateway().account());
    control()
        .post(
            "/faults",
            Map.of(
                "account", slow.gateway().account(), "mode", "LATENCY", "latencyMillis", "2000"));
    long job = slow.submit(2000); // two chunks of 1,000
    await(() -> slow.chunkStates(job).contains(ChunkState.SUBMITTING));

    worker.stop();
    try {
      assertThat(slow.chunkStates(job))
          .as("the call under way recorded its answer; the next chunk was not started")
          .containsExactly(ChunkState.SUBMITTED, ChunkState.QUEUED);
    } finally {
      worker.start();
    }
    await(() -> slow.chunkStates(job).equals(List.of(ChunkState.SUBMITTED, ChunkState.SUBMITTED)));
  }

  @Test
  void eachAccountsGuardsAreMetricsOnThePrometheusPageByIdNeverByItsLogin() throws Exception {
    Sender sender = sender("Metrics");
    long job = sender.submit(5);
    await(() -> sender.chunkStates(job).equals(List.of(ChunkState.SUBMITTED)));

    // As the scraper reads it: with the metrics token, over HTTP.
    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                    .header("Authorization", "Bearer " + METRICS_TOKEN)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    String scrape = page.body();
    String name = "{name=\"account-" + sender.accountId() + "\"";
    assertThat(scrape)
        .contains("resilience4j_bulkhead_available_concurrent_calls" + name)
        .contains("resilience4j_ratelimiter_available_permissions" + name)
        .contains("resilience4j_circuitbreaker_state" + name)
        // No tenant's gateway login is anybody's business who reads the metrics.
        .doesNotContain(sender.gateway().account());
    List<String> labels =
        scrape
            .lines()
            .filter(line -> line.contains("{"))
            .map(line -> line.substring(line.indexOf('{'), line.lastIndexOf('}') + 1))
            .toList();
    assertThat(labels).noneMatch(label -> label.contains(sender.gateway().userid()));
  }

  // ---- helpers

  private record Sender(
      long tenantId,
      long accountId,
      SimulatorControl.OpenedAccount gateway,
      FairSendingIntegrationTests test) {

    long submit(int count) {
      SubmitResult result =
          TenantContext.callAs(
              tenantId,
              () ->
                  test.sendJobs.submit(
                      new SendOrder(
                          accountId,
                          numbers(count),
                          CONTENT,
                          null,
                          "",
                          UUID.randomUUID().toString())));
      assertThat(result.refusal()).isNull();
      return result.jobId();
    }

    List<ChunkState> chunkStates(long jobId) {
      return TenantContext.callAs(tenantId, () -> test.sendJobs.find(jobId))
          .orElseThrow()
          .chunks()
          .stream()
          .map(ChunkView::state)
          .toList();
    }
  }

  private Sender sender(String name) throws Exception {
    SimulatorControl.OpenedAccount gw = control().open(name.toLowerCase(), 1_000_000);
    long tenantId = tenants.create(name + " " + UUID.randomUUID().toString().substring(0, 8)).id();
    long accountId =
        as(
            tenantId,
            () ->
                accounts.ensure(
                    "bulk",
                    TestEndpoints.of(endpoints, TestEndpoints.simulator(port)),
                    GatewayCharset.UTF8,
                    gw.userid(),
                    gw.account(),
                    gw.password()));
    return new Sender(tenantId, accountId, gw, this);
  }

  private static <T> T as(long tenantId, Supplier<T> work) {
    return TenantContext.callAs(tenantId, work);
  }

  private static String numbers(int count) {
    List<String> numbers = new ArrayList<>();
    String prefix = String.format("13%d", 1 + (int) (Math.random() * 8));
    for (int i = 0; i < count; i++) {
      numbers.add(String.format("%s%08d", prefix, i));
    }
    return String.join(",", numbers);
  }

  private SimulatorControl control() {
    return new SimulatorControl(port);
  }

  private static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not reached within 10 s");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
