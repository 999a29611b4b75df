package com.smsportal.sending.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.smsportal.SimulatorControl;
import com.smsportal.TestEndpoints;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.node.NodeHeartbeat;
import com.smsportal.node.NodeIdentity;
import com.smsportal.sending.OptOuts;
import com.smsportal.sending.SendJobs;
import com.smsportal.sending.SendOrder;
import com.smsportal.sending.SubmitResult;
import com.smsportal.sending.store.SendChunkRepository;
import com.smsportal.sending.store.SendJobRepository;
import com.smsportal.sending.store.SendNumberRepository;
import com.smsportal.tenant.GatewayAccess;
import com.smsportal.tenant.GatewayAccounts;
import com.smsportal.tenant.GatewayEndpoints;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two nodes' send workers on one database (this test's portal and a second node with its own node
 * id, heartbeat, leases and worker, in the same JVM): an account never has two submits in flight
 * and keeps its rate across them; a live node's call is left alone however long it takes, a dead
 * node's is UNKNOWN within seconds of its heartbeat stopping, a restarted node's at once.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "smsportal.sending.worker-enabled=true",
      "smsportal.sending.poll-every=PT0.2S",
      "smsportal.sending.turn=PT0.6S",
      "smsportal.sending.submits-per-second=2",
      "smsportal.sending.rate-wait=PT2S",
      "smsportal.node.heartbeat-every=PT0.5S",
      "smsportal.node.dead-after=PT2S"
    })
class ClusterSendingIntegrationTests {

  private static final String CONTENT = "【聚合云】您的验证码是 1234。";
  private static final Duration SPACING = Duration.ofMillis(500); // 2 submits per second

  @LocalServerPort int port;

  @Autowired SendJobs sendJobs;
  @Autowired GatewayAccounts accounts;
  @Autowired GatewayEndpoints endpoints;
  @Autowired TenantService tenants;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate tx;
  @Autowired Clock clock;
  @Autowired NodeIdentity firstNode;
  @Autowired SendChunkRepository chunks;
  @Autowired SendJobRepository jobs;
  @Autowired SendNumberRepository numbers;
  @Autowired GatewayAccess gateway;
  @Autowired OptOuts optOuts;
  @Autowired ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters;

  private final List<Runnable> cleanUp = new ArrayList<>();

  @AfterEach
  void stopTheSecondNode() {
    cleanUp.forEach(Runnable::run);
  }

  @Test
  void twoNodesNeverHaveTwoSubmitsInFlightForOneAccountAndKeepItsRate() throws Exception {
    SimulatorControl.OpenedAccount gw = control().open("shared", 1_000_000);
    control()
        .post(
            "/faults", Map.of("account", gw.account(), "mode", "LATENCY", "latencyMillis", "300"));
    cleanUp.add(() -> fault(gw, "NONE"));
    long tenantId = tenants.create("Cluster " + UUID.randomUUID().toString().substring(0, 8)).id();
    long accountId = account(tenantId, gw);
    SecondNode second = secondNode("second-" + UUID.randomUUID().toString().substring(0, 8));
    second.start();

    long job = submit(tenantId, accountId, 8000); // eight chunks of 1,000

    await()
        .atMost(Duration.ofMinutes(1))
        .until(
            () ->
                jdbc.queryForObject(
                        "select count(*) from send_chunk where job_id = ? and state = 'SUBMITTED'",
                        Long.class,
                        job)
                    == 8);
    List<Map<String, Object>> calls =
        jdbc.queryForList(
            "select claimed_by, attempted_at, answered_at from send_chunk where job_id = ?"
                + " order by attempted_at",
            job);
    assertThat(calls.stream().map(c -> c.get("claimed_by")).distinct())
        .as("both nodes submitted some of the account's chunks")
        .containsExactlyInAnyOrder(firstNode.id(), second.node().id());
    for (int i = 1; i < calls.size(); i++) {
      Instant previousStart = instant(calls.get(i - 1).get("attempted_at"));
      Instant previousEnd = instant(calls.get(i - 1).get("answered_at"));
      Instant start = instant(calls.get(i).get("attempted_at"));
      assertThat(start)
          .as("a call began only after the account's previous call had its answer")
          .isAfterOrEqualTo(previousEnd);
      // The lease records each submit's start just before the claim; a few ms of slack between the
      // two marks, never a second submit within the rate's interval.
      assertThat(Duration.between(previousStart, start))
          .as("the account's rate holds across the two nodes")
          .isGreaterThan(SPACING.minusMillis(50));
    }
  }

  @Test
  void aLiveNodesCallIsLeftAloneHoweverOldAndIsUnknownSoonAfterItsNodeDies() throws Exception {
    SecondNode second = secondNode("alive-" + UUID.randomUUID().toString().substring(0, 8));
    long chunk = chunkSubmittingUnder(second.node().id(), second.heartbeat().startCount());

    await()
        .during(Duration.ofSeconds(4))
        .atMost(Duration.ofSeconds(6))
        .until(() -> state(chunk).equals("SUBMITTING"));

    second.heartbeat().destroy(); // the node dies: its heartbeat stops
    await().atMost(Duration.ofSeconds(15)).until(() -> state(chunk).equals("UNKNOWN"));
    assertThat(
            jdbc.queryForObject("select error from send_chunk where id = ?", String.class, chunk))
        .isEqualTo("INTERRUPTED");
  }

  @Test
  void aRestartedNodesCallIsUnknownAtOnce() throws Exception {
    SecondNode second = secondNode("restarts-" + UUID.randomUUID().toString().substring(0, 8));
    long chunk = chunkSubmittingUnder(second.node().id(), second.heartbeat().startCount());

    NodeHeartbeat restarted = heartbeat(second.node());
    restarted.afterPropertiesSet();
    cleanUp.add(restarted::destroy);

    await().atMost(Duration.ofSeconds(5)).until(() -> state(chunk).equals("UNKNOWN"));
  }

  // ---- the second node

  private record SecondNode(
      NodeIdentity node, NodeHeartbeat heartbeat, SendWorker worker, Runnable starter) {
    void start() {
      starter.run();
    }
  }

  private SecondNode secondNode(String id) {
    NodeIdentity node = NodeIdentity.named(id);
    NodeHeartbeat heartbeat = heartbeat(node);
    heartbeat.afterPropertiesSet();
    cleanUp.add(heartbeat::destroy);
    SendLeases leases = new SendLeases(jdbc, tx, node, heartbeat, Duration.ofMinutes(1), 2);
    ChunkSubmitter submitter =
        new ChunkSubmitter(
            jobs,
            chunks,
            numbers,
            accounts,
            tenants,
            gateway,
            tx,
            clock,
            optOuts,
            new SubmitGuards(2, Duration.ofSeconds(2), meters),
            Duration.ofSeconds(30),
            Duration.ofSeconds(2),
            node,
            heartbeat,
            leases);
    SendWorker worker =
        new SendWorker(
            chunks,
            submitter,
            tx,
            clock,
            true,
            2,
            Duration.ofMillis(600),
            Duration.ofMinutes(1),
            Duration.ofSeconds(20),
            node,
            heartbeat,
            leases);
    Runnable run =
        () -> {
          worker.start();
          ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor();
          schedule.scheduleWithFixedDelay(worker::poll, 0, 200, TimeUnit.MILLISECONDS);
          cleanUp.add(0, schedule::shutdownNow);
          cleanUp.add(1, worker::stop);
        };
    return new SecondNode(node, heartbeat, worker, run);
  }

  private NodeHeartbeat heartbeat(NodeIdentity node) {
    return new NodeHeartbeat(jdbc, node, Duration.ofMillis(500), Duration.ofSeconds(2));
  }

  // ---- helpers

  /** A chunk whose call began long ago under {@code node}'s start {@code run}, no answer yet. */
  private long chunkSubmittingUnder(String node, long run) throws Exception {
    SimulatorControl.OpenedAccount gw = control().open("inflight", 1_000_000);
    long tenantId = tenants.create("InFlight " + UUID.randomUUID().toString().substring(0, 8)).id();
    long accountId = account(tenantId, gw);
    SubmitResult result =
        TenantContext.callAs(
            tenantId,
            () ->
                sendJobs.submit(
                    new SendOrder(
                        accountId,
                        mobiles(5),
                        CONTENT,
                        Instant.now().plus(Duration.ofHours(1)),
                        "",
                        UUID.randomUUID().toString())));
    assertThat(result.refusal()).isNull();
    long chunk =
        jdbc.queryForObject(
            "select id from send_chunk where job_id = ?", Long.class, result.jobId());
    jdbc.update(
        "update send_chunk set state = 'SUBMITTING', attempts = 1,"
            + " attempted_at = '2000-01-01 00:00:00', claimed_by = ?, claimed_run = ? where id = ?",
        node,
        run,
        chunk);
    return chunk;
  }

  private String state(long chunk) {
    return jdbc.queryForObject("select state from send_chunk where id = ?", String.class, chunk);
  }

  private long submit(long tenantId, long accountId, int count) {
    SubmitResult result =
        TenantContext.callAs(
            tenantId,
            () ->
                sendJobs.submit(
                    new SendOrder(
                        accountId,
                        mobiles(count),
                        CONTENT,
                        null,
                        "",
                        UUID.randomUUID().toString())));
    assertThat(result.refusal()).isNull();
    return result.jobId();
  }

  private long account(long tenantId, SimulatorControl.OpenedAccount gw) {
    return TenantContext.callAs(
        tenantId,
        () ->
            accounts.ensure(
                "bulk",
                TestEndpoints.of(endpoints, TestEndpoints.simulator(port)),
                GatewayCharset.UTF8,
                gw.userid(),
                gw.account(),
                gw.password()));
  }

  private void fault(SimulatorControl.OpenedAccount gw, String mode) {
    try {
      control().fault(gw.account(), mode, 0);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Instant instant(Object value) {
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof java.time.LocalDateTime t) {
      return Timestamp.valueOf(t).toInstant();
    }
    throw new IllegalStateException("not a time: " + value);
  }

  private static String mobiles(int count) {
    List<String> list = new ArrayList<>();
    String prefix = String.format("13%d", 1 + (int) (Math.random() * 8));
    for (int i = 0; i < count; i++) {
      list.add(String.format("%s%08d", prefix, i));
    }
    return String.join(",", list);
  }

  private SimulatorControl control() {
    return new SimulatorControl(port);
  }
}
