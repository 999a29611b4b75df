package com.smsportal.sending.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.smsportal.DatabaseDependent;
import com.smsportal.SimulatorControl;
import com.smsportal.TestEndpoints;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayAccess;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.gatewayaccount.GatewayEndpoints;
import com.smsportal.node.IdleBackoff;
import com.smsportal.node.NodeHeartbeat;
import com.smsportal.node.NodeIdentity;
import com.smsportal.sending.OptOuts;
import com.smsportal.sending.SendJobs;
import com.smsportal.sending.SendOrder;
import com.smsportal.sending.SubmitResult;
import com.smsportal.sending.store.SendChunkRepository;
import com.smsportal.sending.store.SendJobRepository;
import com.smsportal.sending.store.SendNumberRepository;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
@DatabaseDependent(
    "two nodes' workers: leases taken with FOR UPDATE SKIP LOCKED, heartbeats in database time")
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

  /**
   * The chunks other tests left waiting in this shared context (a gateway gone, an account switched
   * off: tried again every 30 s) keep a worker from ever being idle; they are put off by a day
   * while a test needs an idle worker, and put back after it.
   */
  private Runnable othersChunksPutOff(long tenantId) {
    List<Long> others =
        jdbc.queryForList(
            "select id from send_chunk where state = 'QUEUED' and tenant_id <> ?",
            Long.class,
            tenantId);
    putOff(others, 1);
    return () -> putOff(others, -1);
  }

  private void putOff(List<Long> chunks, int days) {
    jdbc.batchUpdate(
        "update send_chunk set due_at = timestampadd(DAY, ?, due_at) where id = ?",
        chunks.stream().map(id -> new Object[] {days, id}).toList());
  }

  private static final String CONTENT = "【聚合云】您的验证码是 1234。";
  private static final Duration SPACING = Duration.ofMillis(500); // 2 submits per second
  // The idle worker's longest wait: the default of smsportal.sending.idle-poll-every.
  private static final Duration IDLE_LONGEST = Duration.ofSeconds(4);

  @LocalServerPort int port;

  @Autowired SendJobs sendJobs;
  @Autowired org.springframework.context.ApplicationEventPublisher events;
  @Autowired GatewayAccounts accounts;
  @Autowired GatewayEndpoints endpoints;
  @Autowired TenantService tenants;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate tx;
  @Autowired Clock clock;
  @Autowired NodeIdentity firstNode;
  @Autowired SendWorker firstWorker;
  @Autowired SendChunkRepository chunks;
  @Autowired SendJobRepository jobs;
  @Autowired SendNumberRepository numbers;
  @Autowired GatewayAccess gateway;
  @Autowired OptOuts optOuts;
  @Autowired com.smsportal.sending.store.NumberFlood flood;
  @Autowired com.smsportal.sending.store.SendDays sendDays;
  @Autowired com.smsportal.tenant.PerNumberLimits numberLimits;
  @Autowired ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters;

  private final List<Runnable> cleanUp = new ArrayList<>();

  @AfterEach
  void stopTheSecondNode() {
    cleanUp.forEach(Runnable::run);
  }

  @Test
  void twoNodesNeverHaveTwoSubmitsInFlightForOneAccountAndKeepItsRate() throws Exception {
    try (RecordingGateway gw = new RecordingGateway(Duration.ofMillis(300))) {
      long tenantId =
          tenants.create("Cluster " + UUID.randomUUID().toString().substring(0, 8)).id();
      long accountId =
          TenantContext.callAs(
              tenantId,
              () ->
                  accounts.ensure(
                      "recorded",
                      TestEndpoints.of(endpoints, gw.baseUrl()),
                      GatewayCharset.UTF8,
                      "1",
                      "recorded",
                      "secret"));
      SecondNode second = secondNode("second-" + UUID.randomUUID().toString().substring(0, 8));
      second.start();

      long job = submit(tenantId, accountId, 8000); // eight chunks of 1,000

      // Both nodes take turns at the account's lease as it comes free. Which one wins each time
      // is up to their timing (one may keep winning), so once three chunks are sent, a node that
      // sent them all stops for a while: the other takes over, at the account's rate.
      await().atMost(Duration.ofMinutes(1)).until(() -> submitted(job) >= 3);
      List<String> soFar =
          jdbc.queryForList(
              "select distinct claimed_by from send_chunk where job_id = ? and claimed_by is not"
                  + " null",
              String.class,
              job);
      if (soFar.size() == 1) {
        SendWorker alone = soFar.get(0).equals(firstNode.id()) ? firstWorker : second.worker();
        alone.stop();
        try {
          await()
              .atMost(Duration.ofMinutes(1))
              .until(
                  () ->
                      jdbc.queryForObject(
                              "select count(distinct claimed_by) from send_chunk where job_id = ?",
                              Long.class,
                              job)
                          == 2);
        } finally {
          alone.start();
        }
      }
      await().atMost(Duration.ofMinutes(1)).until(() -> submitted(job) == 8);
      assertThat(
              jdbc.queryForList(
                  "select distinct claimed_by from send_chunk where job_id = ?", String.class, job))
          .as("both nodes submitted some of the account's chunks")
          .containsExactlyInAnyOrder(firstNode.id(), second.node().id());
      assertThat(gw.mostInFlight()).as("submits in flight at once, at the gateway").isEqualTo(1);
      List<Long> starts = gw.starts();
      assertThat(starts).hasSize(8);
      for (int i = 1; i < starts.size(); i++) {
        // The lease records each submit's start just before the call; a few ms of slack between
        // the two marks, never a second submit within the rate's interval.
        assertThat(Duration.ofNanos(starts.get(i) - starts.get(i - 1)))
            .as("the account's rate holds across the two nodes, as the gateway sees it")
            .isGreaterThan(SPACING.minusMillis(50));
      }
    }
  }

  @Test
  void aJobStoredOnThisNodeWakesItsIdleWorkerAtOnce() throws Exception {
    try (RecordingGateway gw = new RecordingGateway(Duration.ZERO)) {
      long tenantId = tenant();
      long accountId = recordedAccount(tenantId, gw);
      IdleBackoff pace = firstWorker.pace();
      cleanUp.add(othersChunksPutOff(tenantId));
      await().atMost(Duration.ofSeconds(30)).until(() -> pace.currentWait().equals(IDLE_LONGEST));
      long rounds = pace.rounds();
      await().atMost(IDLE_LONGEST.plusSeconds(5)).until(() -> pace.rounds() > rounds);
      // A round has just found nothing: without a wake-up the next is IDLE_LONGEST away.
      long stored = System.nanoTime();
      submit(tenantId, accountId, 10);
      await().atMost(IDLE_LONGEST.plusSeconds(5)).until(() -> !gw.starts().isEmpty());
      assertThat(Duration.ofNanos(gw.starts().get(0) - stored))
          .as("sent on the next tick after the job's commit, not after the idle wait")
          .isLessThan(IDLE_LONGEST.minusSeconds(1));
    }
  }

  @Test
  void anIdleNodeSendsAJobStoredOnAnotherNodeWithinItsLongestIdleWait() throws Exception {
    try (RecordingGateway gw = new RecordingGateway(Duration.ZERO)) {
      long tenantId = tenant();
      long accountId = recordedAccount(tenantId, gw);
      SecondNode second = secondNode("idle-" + UUID.randomUUID().toString().substring(0, 8));
      second.start();
      IdleBackoff pace = second.worker().pace();
      cleanUp.add(othersChunksPutOff(tenantId));
      await().atMost(Duration.ofSeconds(30)).until(() -> pace.currentWait().equals(IDLE_LONGEST));
      firstWorker.stop(); // the node that stores the job does not send it
      try {
        long job = submit(tenantId, accountId, 10);
        // Its longest wait, a tick, and slack for a busy machine.
        await().atMost(IDLE_LONGEST.plusSeconds(3)).until(() -> submitted(job) == 1);
        assertThat(
                jdbc.queryForList(
                    "select distinct claimed_by from send_chunk where job_id = ?",
                    String.class,
                    job))
            .containsExactly(second.node().id());
      } finally {
        firstWorker.start();
      }
    }
  }

  private long tenant() {
    return tenants.create("Cluster " + UUID.randomUUID().toString().substring(0, 8)).id();
  }

  private long recordedAccount(long tenantId, RecordingGateway gw) {
    return TenantContext.callAs(
        tenantId,
        () ->
            accounts.ensure(
                "recorded",
                TestEndpoints.of(endpoints, gw.baseUrl()),
                GatewayCharset.UTF8,
                "1",
                "recorded",
                "secret"));
  }

  /**
   * A gateway that answers every send with success after {@code latency}, noting when each send
   * arrived and how many were under way at once; every other call gets an empty answer.
   */
  private static final class RecordingGateway implements AutoCloseable {

    private final HttpServer server;
    private final Duration latency;
    private final List<Long> starts = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final AtomicLong taskIds = new AtomicLong(5000);

    RecordingGateway(Duration latency) throws IOException {
      this.latency = latency;
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
      server.setExecutor(Executors.newCachedThreadPool());
      server.createContext("/", this::answer);
      server.start();
    }

    String baseUrl() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Long> starts() {
      return List.copyOf(starts);
    }

    int mostInFlight() {
      return mostInFlight.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String xml = "<?xml version=\"1.0\" encoding=\"utf-8\" ?><returnsms/>";
      if (body.contains("action=send")) {
        starts.add(System.nanoTime());
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
          Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          inFlight.decrementAndGet();
        }
        int count = body.split("%2C", -1).length;
        xml =
            "<?xml version=\"1.0\" encoding=\"utf-8\" ?><returnsms>"
                + "<returnstatus>Success</returnstatus><message>ok</message>"
                + "<remainpoint>1000000</remainpoint><taskID>"
                + taskIds.incrementAndGet()
                + "</taskID><successCounts>"
                + count
                + "</successCounts></returnsms>";
      }
      byte[] out = xml.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
      exchange.sendResponseHeaders(200, out.length);
      exchange.getResponseBody().write(out);
      exchange.close();
    }

    @Override
    public void close() {
      server.stop(0);
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

  /** How many of the job's chunks the gateway has accepted. */
  private long submitted(long job) {
    return jdbc.queryForObject(
        "select count(*) from send_chunk where job_id = ? and state = 'SUBMITTED'",
        Long.class,
        job);
  }

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
    // As this test's portal is set up: two threads, turns of 0.6 s, two submits a second.
    SendingProperties settings =
        new SendingProperties(
            true,
            Duration.ofMillis(200),
            2,
            Duration.ofMillis(600),
            Duration.ofSeconds(20),
            2,
            Duration.ofSeconds(2),
            Duration.ofSeconds(30),
            Duration.ofMinutes(1),
            Duration.ofMinutes(1),
            IDLE_LONGEST);
    SendLeases leases = new SendLeases(jdbc, tx, node, heartbeat, Duration.ofMinutes(1), 2);
    ChunkOutcomes outcomes =
        new ChunkOutcomes(jobs, chunks, numbers, tx, clock, settings, events, sendDays);
    ChunkSubmitter submitter =
        new ChunkSubmitter(
            chunks,
            numbers,
            accounts,
            tenants,
            gateway,
            tx,
            clock,
            new SubmitGuards(2, Duration.ofSeconds(2), meters),
            outcomes,
            settings,
            node,
            heartbeat,
            leases,
            new ChunkReads(jobs, chunks, numbers, optOuts, numberLimits, tx),
            flood);
    SendWorker worker =
        new SendWorker(
            chunks,
            submitter,
            new InterruptedChunks(chunks, outcomes, tx, clock, node, heartbeat, settings),
            tx,
            clock,
            settings,
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
