package com.smsportal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.smsportal.DatabaseDependent;
import com.smsportal.PolledRows;
import com.smsportal.PortalHttpTest;
import com.smsportal.SimulatorControl;
import com.smsportal.TestEndpoints;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.gatewayaccount.GatewayEndpoints;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Sends and tails through the HTTP API over the wire, where the proof rests on the database: one
 * job per idempotency key (its unique keys), nothing stored by a dry run, and the receipts' tail
 * that neither loses nor repeats a report while concurrent ingests commit out of id order.
 */
@DatabaseDependent("idempotency by unique keys; the tails' settle rule against concurrent commits")
@PortalHttpTest
class ApiSendIntegrationTests {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TenantService tenants;
  @Autowired PlatformTransactionManager transactions;
  @Autowired GatewayAccounts accounts;
  @Autowired GatewayEndpoints endpoints;

  /**
   * A gateway account of Acme's own on the simulator: the demo's account is shared with tests that
   * point it elsewhere or break its password on purpose.
   */
  private long simulatedAccount() throws Exception {
    long acme = tenants.findByName("Acme").orElseThrow().id();
    SimulatorControl.OpenedAccount gw = new SimulatorControl(port).open("api", 10_000);
    return TenantContext.callAs(
        acme,
        () ->
            accounts.ensure(
                "api-" + UUID.randomUUID(),
                TestEndpoints.of(endpoints, TestEndpoints.simulator(port)),
                GatewayCharset.UTF8,
                gw.userid(),
                gw.account(),
                gw.password()));
  }

  @Test
  void sendWithAKeyStoresTheJobTheGatewayGetsItOnceAndTheSameKeyAgainSendsNothing()
      throws Exception {
    String key = ApiClient.newKey(port, "acme", "order system", "send", "read");
    ApiClient api = new ApiClient(port);
    String mobile = PolledRows.randomMobile();
    String body =
        "{\"accountId\":"
            + simulatedAccount()
            + ",\"mobiles\":[\""
            + mobile
            + "\"],\"content\":\"Your order has shipped\"}";
    String idem = "order-" + System.nanoTime();

    HttpResponse<String> sent = api.post("/api/v1/messages", key, idem, body);
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
    long job = JSON.readTree(sent.body()).get("jobId").asLong();
    assertThat(sent.headers().firstValue("Location")).hasValue("/api/v1/jobs/" + job);

    HttpResponse<String> again = api.post("/api/v1/messages", key, idem, body.replace(",", " , "));
    assertThat(again.statusCode()).isEqualTo(202);
    assertThat(JSON.readTree(again.body()).get("jobId").asLong()).isEqualTo(job);
    HttpResponse<String> other =
        api.post("/api/v1/messages", key, idem, body.replace("shipped", "arrived"));
    assertThat(other.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(other.body()).get("type").asString())
        .isEqualTo("urn:smsportal:api:idempotency-conflict");

    // The simulator keeps an account's 20 latest sends: look while this one is among them.
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> timesSent(mobile) > 0);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode state = JSON.readTree(api.get("/api/v1/jobs/" + job, key).body());
              assertThat(state.get("state").asString()).isEqualTo("FINISHED");
            });
    assertThat(timesSent(mobile)).as("sent once, or out of the simulator's window").isLessThan(2);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM send_chunk WHERE job_id = ? AND task_id IS NOT NULL",
                Long.class,
                job))
        .as("one call reached the gateway")
        .isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM send_job WHERE created_by = ?",
                Long.class,
                "api:" + key.substring(0, 15)))
        .isEqualTo(1);
    JsonNode numbers =
        JSON.readTree(api.get("/api/v1/jobs/" + job + "/numbers?limit=1", key).body());
    assertThat(numbers.get("items").get(0).get("mobile").asString()).isEqualTo(mobile);
    assertThat(numbers.get("nextCursor").isNull()).isTrue();
  }

  @Test
  void dryRunAnswersTheConfirmationsSummaryAndStoresNothing() throws Exception {
    String key = ApiClient.newKey(port, "acme", "dry", "send");
    String idem = "dry-" + System.nanoTime();
    long jobsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM send_job", Long.class);
    HttpResponse<String> dry =
        new ApiClient(port)
            .post(
                "/api/v1/messages?dryRun=true",
                key,
                idem,
                "{\"accountId\":"
                    + simulatedAccount()
                    + ",\"mobiles\":[\"13800138000\",\"13800138001\",\"13800138000\"],"
                    + "\"content\":\""
                    + "好".repeat(71)
                    + "\"}");
    assertThat(dry.statusCode()).as(dry.body()).isEqualTo(200);
    JsonNode summary = JSON.readTree(dry.body()).get("summary");
    assertThat(summary.get("recipients").asInt()).isEqualTo(2);
    assertThat(summary.get("duplicates").asInt()).isEqualTo(1);
    assertThat(summary.get("texts").asInt()).isEqualTo(1);
    assertThat(summary.get("billedSegments").asLong()).isEqualTo(4);
    assertThat(summary.get("calls").asLong()).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM send_job", Long.class))
        .isEqualTo(jobsBefore);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM api_idempotency WHERE idem_key = ?", Long.class, idem))
        .isZero();
  }

  /**
   * Reports arrive while a client tails them, from concurrent transactions that commit out of id
   * order (one holds a smaller id open while a larger one commits): every report is returned once,
   * in ascending order.
   */
  @Test
  void receiptsTailLosesAndRepeatsNothingWhileReportsArrive() throws Exception {
    long acme = tenants.findByName("Acme").orElseThrow().id();
    String key = ApiClient.newKey(port, "acme", "tail", "read");
    ApiClient api = new ApiClient(port);
    long start = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM status_report", Long.class);
    PolledRows rows = new PolledRows(jdbc);
    TransactionTemplate inTransaction = new TransactionTemplate(transactions);
    Set<Long> inserted = java.util.concurrent.ConcurrentHashMap.newKeySet();
    CountDownLatch slowInserted = new CountDownLatch(1);
    CountDownLatch laterCommitted = new CountDownLatch(1);
    CountDownLatch tailedMeanwhile = new CountDownLatch(1);
    ExecutorService writers = Executors.newFixedThreadPool(4);
    List<Future<?>> writing = new ArrayList<>();
    // The slow ingest: takes its id first, commits after a larger id has committed and been tailed.
    writing.add(
        writers.submit(
            () ->
                inTransaction.executeWithoutResult(
                    tx -> {
                      inserted.add(rows.report(report(acme)));
                      slowInserted.countDown();
                      waitFor(laterCommitted);
                      waitFor(tailedMeanwhile);
                    })));
    for (int w = 0; w < 3; w++) {
      writing.add(
          writers.submit(
              () -> {
                waitFor(slowInserted);
                for (int batch = 0; batch < 10; batch++) {
                  inserted.addAll(rows.reports(List.of(report(acme), report(acme), report(acme))));
                  laterCommitted.countDown();
                }
              }));
    }
    List<Long> seen = new ArrayList<>();
    long[] since = {start};
    waitFor(laterCommitted);
    tail(api, key, since, seen);
    tailedMeanwhile.countDown();
    for (Future<?> w : writing) {
      w.get(30, TimeUnit.SECONDS);
    }
    writers.shutdown();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(300))
        .untilAsserted(
            () -> {
              tail(api, key, since, seen);
              assertThat(seen).containsAll(inserted);
            });
    assertThat(new LinkedHashSet<>(seen)).as("nothing repeated").hasSameSizeAs(seen);
    assertThat(seen).as("ascending by id").isSorted();
    assertThat(inserted).hasSize(91);
  }

  private static void tail(ApiClient api, String key, long[] since, List<Long> seen)
      throws Exception {
    HttpResponse<String> page = api.get("/api/v1/receipts?limit=50&since=" + since[0], key);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    JsonNode answer = JSON.readTree(page.body());
    answer.get("items").forEach(i -> seen.add(i.get("id").asLong()));
    since[0] = answer.get("nextSince").asLong();
  }

  private static PolledRows.Report report(long tenant) {
    return new PolledRows.Report(
        tenant,
        PolledRows.randomTaskId(),
        PolledRows.randomMobile(),
        10,
        Instant.now(),
        "DELIVRD",
        "",
        null);
  }

  private static void waitFor(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new AssertionError("timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private long timesSent(String mobile) throws Exception {
    int times = 0;
    for (JsonNode account : JSON.readTree(new SimulatorControl(port).accounts())) {
      for (JsonNode task : account.get("recentTasks")) {
        for (JsonNode m : task.get("mobiles")) {
          if (m.asString().equals(mobile)) {
            times++;
          }
        }
      }
    }
    return times;
  }
}
