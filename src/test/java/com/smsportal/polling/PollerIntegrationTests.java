package com.smsportal.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.smsportal.DatabaseDependent;
import com.smsportal.PortalWithWorkerTest;
import com.smsportal.SimulatorControl;
import com.smsportal.SmsPortalApplication;
import com.smsportal.TestEndpoints;
import com.smsportal.gateway.AnswerSink;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gateway.GatewayClient;
import com.smsportal.gateway.GatewayLogin;
import com.smsportal.gateway.SendRequest;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.gatewayaccount.GatewayEndpoints;
import com.smsportal.sending.JobState;
import com.smsportal.sending.JobView;
import com.smsportal.sending.NumberState;
import com.smsportal.sending.SendJobs;
import com.smsportal.sending.SendOrder;
import com.smsportal.sending.SubmitResult;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The poller against the simulator over HTTP: what the gateway hands out once is stored once,
 * matched to the numbers sent, and survives gateway faults, a database that does not take writes,
 * and a stop in the middle of draining. The schedule is off (the build switches it off for every
 * context); the tests poll an account themselves, except the restart test and the test of the order
 * of due accounts, which run a second portal with its schedule on.
 *
 * <p>The simulator is not reset between tests, so its task ids never repeat within the class;
 * counts are taken by the task ids of a test's own sends among the accounts that point at this
 * simulator (the restart test's portal polls every account, and any of them may take a report
 * first).
 */
@DatabaseDependent(
    "fetched answers stored once (unique keys), one poller per account (ShedLock), writes refused")
@PortalWithWorkerTest
class PollerIntegrationTests {

  /** Where this context's demo keeps its credential key (the second portal must read it too). */
  private static final String DEMO_KEY = "encryption.key";

  private static final String CONTENT = "【聚合云】您的订单已发货。";

  @LocalServerPort int port;

  @Autowired PollScheduler scheduler;
  @Autowired CatchUp catchUp;
  @Autowired Spool spool;
  @Autowired Landing landing;
  @Autowired RawInbox inbox;
  @Autowired PollerStates states;
  @Autowired GatewayAccounts accounts;
  @Autowired GatewayEndpoints endpoints;
  @Autowired TenantService tenants;
  @Autowired GatewayClient client;
  @Autowired SendJobs sendJobs;
  @Autowired JdbcTemplate jdbc;

  @Value("${smsportal.data-dir}")
  Path dataDir;

  /** This test's account at the simulator (a balance of 1,000,000). */
  private SimulatorControl.OpenedAccount gw;

  private String bulkPassword;

  private long tenantId;
  private long account;
  private long lastReportBefore;

  @BeforeEach
  void freshAccount() throws Exception {
    control().post("/reset", Map.of());
    gw = control().open("bulk", 1_000_000);
    bulkPassword = gw.password();
    lastReportBefore =
        jdbc.queryForObject("select coalesce(max(id), 0) from status_report", Long.class);
    for (Path file : spool.files()) {
      Files.delete(file);
    }
    tenantId = tenants.create("Poller " + UUID.randomUUID().toString().substring(0, 8)).id();
    account =
        as(
            () ->
                accounts.ensure(
                    "bulk",
                    TestEndpoints.of(endpoints, base()),
                    GatewayCharset.UTF8,
                    gw.userid(),
                    gw.account(),
                    bulkPassword));
  }

  @AfterEach
  void noFaultLeft() throws Exception {
    control().fault(gw.account(), "NONE", 0);
  }

  @Test
  void reportsOfAJobAreStoredOnceAndGiveEachNumberItsOutcome() {
    SubmitResult sent =
        as(
            () ->
                sendJobs.submit(
                    new SendOrder(
                        account,
                        "13900000001,13900000002,13900000004",
                        CONTENT,
                        null,
                        "",
                        UUID.randomUUID().toString())));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> job(sent.jobId()).state() == JobState.FINISHED);

    AccountPoller.Round round = scheduler.pollNow(account).orElseThrow();

    assertThat(round.succeeded()).isTrue();
    assertThat(round.reports()).isEqualTo(3);
    JobView job = job(sent.jobId());
    assertThat(job.numbers())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(NumberState.DELIVERED, 2L, NumberState.FAILED, 1L));
    assertThat(
            count(
                "select count(*) from status_report where account_id = ? and job_id = ?",
                account,
                sent.jobId()))
        .isEqualTo(3);
    assertThat(
            jdbc.queryForObject(
                "select carrier_code from send_number where job_id = ? and mobile = '13900000004'",
                String.class,
                sent.jobId()))
        .isEqualTo("UNDELIV");
    assertThat(count("select count(*) from poll_inbox where account_id = ?", account))
        .as("one stored answer for the reports; empty answers are not stored")
        .isEqualTo(1);
    assertThat(
            count(
                "select count(*) from poll_inbox where account_id = ? and state = 'PROCESSED'",
                account))
        .isEqualTo(1);
    PollerStates.State state = states.all().get(account);
    assertThat(state.lastSuccessAt()).isNotNull();
    assertThat(state.failures()).isZero();
  }

  @Test
  void aFullBatchIsFollowedByAnotherCallUntilTheQueueIsDrained() {
    List<String> tasks = sendDirect(250);

    AccountPoller.Round round = scheduler.pollNow(account).orElseThrow();

    assertThat(round.reports()).isEqualTo(250);
    assertThat(reportsOf(tasks)).isEqualTo(250);
    assertThat(count("select count(*) from poll_inbox where account_id = ?", account))
        .as("100 + 100 + 50")
        .isEqualTo(3);
    assertThat(
            count(
                "select count(*) from status_report where job_id is null and account_id = ?",
                account))
        .as("no job sent these: kept and shown as unmatched")
        .isEqualTo(250);
  }

  @Test
  void aSlowAccountsRoundStopsBetweenFetchesWhenItsTimeIsUpAndTheRestComesNextRound()
      throws Exception {
    List<String> tasks = sendDirect(500);
    // Each call takes 0.7 s; the round has 1 s per queue: it stops after a fetch or two.
    control()
        .post(
            "/faults", Map.of("account", gw.account(), "mode", "LATENCY", "latencyMillis", "700"));

    AccountPoller.Round first = scheduler.pollNow(account).orElseThrow();

    assertThat(first.succeeded()).isTrue();
    assertThat(first.reports()).isPositive().isLessThan(500);
    assertThat(first.reports() % 100).as("whole answers, none dropped").isZero();
    assertThat(reportsOf(tasks))
        .as("every fetched report stored")
        .isEqualTo((long) first.reports());
    assertThat(states.all().get(account).nextPollAt())
        .as("due again at once, behind the accounts that waited")
        .isBeforeOrEqualTo(java.time.Instant.now());

    control().fault(gw.account(), "NONE", 0);
    int rest = 0;
    for (int round = 0; round < 5 && reportsOf(tasks) < 500; round++) {
      rest += scheduler.pollNow(account).orElseThrow().reports();
    }

    assertThat(first.reports() + rest).isEqualTo(500);
    assertThat(reportsOf(tasks)).as("each report once").isEqualTo(500);
  }

  @Test
  void theSameAnswerStoredTwiceGivesEachReportOnce() throws Exception {
    List<String> tasks = sendDirect(40);
    scheduler.pollNow(account).orElseThrow();
    StoredAnswer first =
        inbox
            .find(
                jdbc.queryForObject(
                    "select min(id) from poll_inbox where account_id = ?", Long.class, account))
            .orElseThrow();

    spool.write(
        new Spool.Entry(
            tenantId, account, InboxKind.REPORTS, first.fetchedAt(), first.body(), null));
    assertThat(catchUp.replaySpool()).isEqualTo(1);

    assertThat(reportsOf(tasks)).isEqualTo(40);
    assertThat(count("select count(*) from poll_inbox where account_id = ?", account)).isEqualTo(2);
    assertThat(spool.files()).isEmpty();
  }

  @Test
  void gatewayFaultsAreRecordedBackedOffAndLoseNothing() throws Exception {
    List<String> tasks = sendDirect(30);

    for (String fault : List.of("HTTP_500", "GARBAGE", "HANG")) {
      control().fault(gw.account(), fault, 1);
      AccountPoller.Round round = scheduler.pollNow(account).orElseThrow();
      assertThat(round.succeeded()).as(fault).isFalse();
      assertThat(reportsOf(tasks)).as(fault).isZero();
    }
    PollerStates.State state = states.all().get(account);
    assertThat(state.failures()).isEqualTo(3);
    assertThat(state.lastError()).isNotBlank();
    assertThat(state.nextPollAt())
        .as("backed off: every × 2² after the third failure")
        .isAfterOrEqualTo(state.lastErrorAt().plus(Duration.ofSeconds(20)));
    assertThat(state.lastError()).doesNotContain(bulkPassword);

    AccountPoller.Round round = scheduler.pollNow(account).orElseThrow();

    assertThat(round.succeeded()).isTrue();
    assertThat(reportsOf(tasks)).isEqualTo(30);
    assertThat(states.all().get(account).failures()).isZero();
  }

  @Test
  void anAnswerTheDatabaseCannotTakeIsSpooledAndReplayedExactly() {
    List<String> tasks = sendDirect(120);
    jdbc.execute("alter table poll_inbox rename to poll_inbox_away");
    AccountPoller.Round round;
    try {
      round = scheduler.pollNow(account).orElseThrow();

      assertThat(round.succeeded()).isFalse();
      assertThat(round.error()).startsWith("DATABASE_UNAVAILABLE");
      assertThat(spool.files()).as("the fetched answer is on disk").hasSize(1);
      assertThat(scheduler.recover())
          .as("no polling while the spool cannot go to the database")
          .isFalse();
      assertThat(spool.files()).hasSize(1);
    } finally {
      jdbc.execute("alter table poll_inbox_away rename to poll_inbox");
    }

    assertThat(scheduler.recover()).isTrue();
    assertThat(spool.files()).isEmpty();
    assertThat(reportsOf(tasks)).as("the first 100, replayed from the spool").isEqualTo(100);
    assertThat(
            jdbc.queryForList(
                "select transfer from poll_inbox where account_id = ? and source = 'SPOOL'",
                String.class,
                account))
        .as("stored under the id of the transfer it came in: its landing file cannot add it again")
        .singleElement()
        .isNotNull();
    assertThat(landing.leftBehind()).isEmpty();

    scheduler.pollNow(account).orElseThrow();
    assertThat(reportsOf(tasks)).isEqualTo(120);
  }

  @Test
  void anAccountAnotherNodeIsPollingIsLeftAlone() {
    List<String> tasks = sendDirect(10);
    String lock = "poll-account-" + account;
    jdbc.update(
        "insert into shedlock (name, lock_until, locked_at, locked_by) values (?, ?, ?, ?)",
        lock,
        java.time.LocalDateTime.of(2037, 12, 31, 0, 0), // TIMESTAMP ends in 2038
        java.time.LocalDateTime.of(2020, 1, 1, 0, 0),
        "another-node");
    try {
      assertThat(scheduler.pollNow(account)).as("the other node holds the lock").isEmpty();
      assertThat(reportsOf(tasks)).isZero();
    } finally {
      // The other node is done: its lock ends (ShedLock keeps the row and updates it).
      jdbc.update(
          "update shedlock set lock_until = ? where name = ?",
          java.time.LocalDateTime.of(2020, 1, 1, 0, 0, 1),
          lock);
    }

    assertThat(scheduler.pollNow(account).orElseThrow().reports()).isEqualTo(10);
    assertThat(reportsOf(tasks)).isEqualTo(10);
  }

  @Test
  void anAnswerCutOffOnItsWayKeepsEveryReportThatArrivedWhole() throws Exception {
    List<String> tasks = sendDirect(100);
    control().fault(gw.account(), "CUT_ANSWER", 1);

    AccountPoller.Round cut = scheduler.pollNow(account).orElseThrow();

    // Half of the answer's bytes came: the reports whole in them are stored, before the round
    // reports its failure; the gateway forgot the rest as it sent them.
    assertThat(cut.succeeded()).isFalse();
    long stored = reportsOf(tasks);
    assertThat(stored).isBetween(1L, 99L);
    assertThat(
            jdbc.queryForList(
                "select item_count from poll_inbox where account_id = ? and source = 'RECOVERED'",
                Long.class,
                account))
        .containsExactly(stored);
    assertThat(inbox.recovered()).containsEntry(account, stored);
    assertThat(landing.leftBehind()).as("nothing left on disk").isEmpty();
    assertThat(scheduler.pollNow(account).orElseThrow().succeeded()).isTrue();
    assertThat(reportsOf(tasks)).isEqualTo(stored);
  }

  @Test
  void anAnswerLeftOnDiskByAPortalThatDiedIsStoredOnceAtTheNextRound() throws Exception {
    List<String> tasks = sendDirect(30);
    // What the gateway handed out and the dying portal had written when it died: two thirds.
    String answer =
        client.fetchStatusReports(
            new GatewayLogin(base(), GatewayCharset.UTF8, gw.userid(), gw.account(), bulkPassword),
            100,
            AnswerSink.NONE);
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
    int arrived = bytes.length * 2 / 3;
    int whole =
        new String(bytes, 0, arrived, StandardCharsets.UTF_8).split("</statusbox>", -1).length - 1;
    Landing dead = new Landing(landing.directory(), Clock.systemUTC());
    Landing.Transfer transfer = dead.open(tenantId, account, InboxKind.REPORTS);
    transfer.begin(200, "text/xml; charset=utf-8");
    transfer.write(ByteBuffer.wrap(bytes, 0, arrived));
    Path file = transfer.file();
    byte[] left = Files.readAllBytes(file);

    assertThat(scheduler.recover()).isTrue();

    assertThat(whole).isBetween(1, 29);
    assertThat(reportsOf(tasks)).isEqualTo(whole);
    assertThat(file).doesNotExist();
    assertThat(inbox.recovered()).containsEntry(account, (long) whole);

    // The same file again: as if that portal had died after storing it, before deleting it.
    Files.write(file, left);
    scheduler.recover();

    assertThat(file).doesNotExist();
    assertThat(count("select count(*) from poll_inbox where transfer = ?", transfer.id()))
        .isEqualTo(1);
    assertThat(reportsOf(tasks)).isEqualTo(whole);
  }

  @Test
  void anUnreadableAnswerIsKeptForAnAdministrator() throws Exception {
    long id =
        inbox.store(
            tenantId,
            account,
            InboxKind.REPORTS,
            RawInbox.POLL,
            java.time.Instant.now(),
            "<returnsms><statusbox><mobile>1390000",
            null);

    catchUp.processBacklog(polled -> false); // no account polled now

    StoredAnswer answer = inbox.find(id).orElseThrow();
    assertThat(answer.state()).isEqualTo(InboxState.UNPARSEABLE);
    assertThat(answer.body()).isEqualTo("<returnsms><statusbox><mobile>1390000");
    assertThat(answer.problem()).startsWith("UPSTREAM_GARBAGE");
  }

  @Test
  void aPortalStoppedInTheMiddleOfDrainingLosesNothingAfterItsRestart() throws Exception {
    List<String> tasks = sendDirect(2000);
    control()
        .post(
            "/faults",
            Map.of(
                "account",
                gw.account(),
                "mode",
                "LATENCY",
                "latencyMillis",
                "150",
                "times",
                "1000"));

    try (ConfigurableApplicationContext first = secondPortal()) {
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(250))
          .untilAsserted(
              () ->
                  assertThat(reportsOf(tasks)).as(() -> drain(tasks)).isGreaterThanOrEqualTo(300));
    }
    long afterStop = reportsOf(tasks);
    assertThat(afterStop).as("stopped before the queue was drained").isLessThan(2000);
    assertThat(
            count(
                "select count(*) from poll_inbox where account_id = ? and state = 'NEW'", account))
        .as("every answer fetched before the stop was processed")
        .isZero();

    try (ConfigurableApplicationContext second = secondPortal()) {
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(250))
          .untilAsserted(
              () ->
                  assertThat(reportsOf(tasks)).as(() -> drain(tasks)).isGreaterThanOrEqualTo(2000));
    }
    assertThat(reportsOf(tasks)).as(() -> drain(tasks)).isEqualTo(2000);
    assertThat(
            count(
                "select count(*) from (select task_id, mobile from status_report where account_id"
                    + " = ? and id > ?"
                    + " and task_id in ("
                    + String.join(",", java.util.Collections.nCopies(tasks.size(), "?"))
                    + ") group by task_id, mobile having count(*) > 1) d",
                args(tasks)))
        .isZero();
  }

  @Test
  void anAccountThatWaitedIsPolledBeforeAccountsThatFailedSinceEvenWhenThePoolIsFull()
      throws Exception {
    // Ten accounts whose gateway never answers: each round holds a thread for the read retries'
    // sleeps (0.2 s + 0.4 s), fails, and is due again 0.2 s later (every = backoff-max). With two
    // threads and a queue of four they are more than the pool takes: some always wait.
    long deadTenant =
        tenants.create("Unreachable " + UUID.randomUUID().toString().substring(0, 8)).id();
    long deadEndpoint = TestEndpoints.of(endpoints, "http://127.0.0.1:1");
    List<Long> dead = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String name = "unreachable-" + deadTenant + "-" + i;
      dead.add(
          TenantContext.callAs(
              deadTenant,
              () -> accounts.ensure(name, deadEndpoint, GatewayCharset.UTF8, "1", name, "pw")));
    }
    // This test's account was polled before and is due again now, as a round cut short leaves it
    // (the restart test's account, issue 21); then reports come in.
    scheduler.pollNow(account).orElseThrow();
    jdbc.update(
        "update poller_state set next_poll_at = ? where account_id = ?",
        java.time.LocalDateTime.now(java.time.ZoneOffset.UTC),
        account);
    List<String> tasks = sendDirect(10);
    List<Long> mine = new ArrayList<>(dead);
    mine.add(account);
    // The node's rotation puts the account behind every unreachable one.
    String last = nodeRankingLast(account, mine);

    try (AutoCloseable parked = OthersParked.whileOpen(jdbc, mine);
        ConfigurableApplicationContext portal =
            secondPortal(
                "--smsportal.node.id=" + last,
                "--smsportal.poller.threads=2",
                "--smsportal.poller.queue=4",
                "--smsportal.poller.backoff-max=PT0.2S",
                "--smsportal.gateway.read-retries=2",
                "--smsportal.gateway.retry-backoff=200ms",
                "--smsportal.gateway.breaker-failures=1000")) {
      // Its turn comes once the unreachable accounts (never polled: due longer) have had one
      // round each: 10 rounds of about 0.6 s on 2 threads. Before, the rotation kept it behind
      // them at every tick for as long as they kept failing.
      await()
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(250))
          .untilAsserted(
              () ->
                  assertThat(reportsOf(tasks))
                      .as(
                          () ->
                              "the account's reports stored, of 10; its poller state "
                                  + states.all().get(account)
                                  + "; unreachable accounts' failures "
                                  + dead.stream()
                                      .map(states.all()::get)
                                      .map(s -> s == null ? 0 : s.failures())
                                      .toList())
                      .isEqualTo(10));
    } finally {
      // Later portals with their schedule on need not wait for them.
      for (long id : dead) {
        jdbc.update("update gateway_account set active = false where id = ?", id);
      }
    }
  }

  // ---- helpers

  /** A node id whose rotation ranks this account last among these. */
  private static String nodeRankingLast(long account, List<Long> among) {
    for (int n = 0; ; n++) {
      String id = "it-last-" + n;
      int rotation = id.hashCode();
      int place = PollScheduler.mix(account, rotation);
      if (among.stream().allMatch(a -> a == account || PollScheduler.mix(a, rotation) < place)) {
        return id;
      }
    }
  }

  /**
   * Where the restart test's reports are: stored, and of the missing ones how many the simulator
   * still holds (not handed out yet: late, not lost) and how many it handed out that were not
   * stored (lost); with the account's poller state and poll lock.
   */
  private String drain(List<String> tasks) {
    long stored = reportsOf(tasks);
    long expected = tasks.size() * 100L;
    String pending;
    String lost;
    try {
      int atGateway = control().pendingReports(gw.account());
      pending = String.valueOf(atGateway);
      lost = String.valueOf(expected - stored - atGateway);
    } catch (Exception e) {
      pending = "unknown (" + e.getMessage() + ")";
      lost = "unknown";
    }
    return stored
        + " of "
        + expected
        + " stored, "
        + (expected - stored)
        + " missing: "
        + pending
        + " still waiting at the gateway, "
        + lost
        + " fetched and not stored; answers not processed: "
        + count("select count(*) from poll_inbox where account_id = ? and state = 'NEW'", account)
        + "; spool files: "
        + spool.files().size()
        + "; poller state "
        + states.all().get(account)
        + "; lock "
        + jdbc.queryForList(
            "select locked_by, lock_until, locked_at from shedlock where name = ?",
            PollLocks.name(account));
  }

  /**
   * Another node of the same demo on the same database, with its schedule on and no simulator of
   * its own (so it leaves the demo's endpoint and accounts alone). A portal without the demo would
   * refuse this database, which holds the demo's users.
   */
  private ConfigurableApplicationContext secondPortal(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--smsportal.demo.enabled=true",
                "--smsportal.encryption.key-file=" + dataDir.resolve(DEMO_KEY),
                "--smsportal.simulator.enabled=false",
                "--smsportal.sending.worker-enabled=false",
                "--smsportal.poller.enabled=true",
                "--smsportal.poller.tick=PT0.2S",
                "--smsportal.poller.every=PT0.2S",
                "--smsportal.poller.status-num=50",
                "--smsportal.poller.spool-dir=" + spool.directory()));
    args.addAll(List.of(more));
    return new SpringApplicationBuilder(SmsPortalApplication.class)
        .run(args.toArray(String[]::new));
  }

  /** Sends {@code count} numbers straight through the client in chunks of 100; their task ids. */
  private List<String> sendDirect(int count) {
    GatewayLogin gateway =
        new GatewayLogin(base(), GatewayCharset.UTF8, gw.userid(), gw.account(), bulkPassword);
    List<String> tasks = new ArrayList<>();
    for (int start = 0; start < count; start += 100) {
      List<String> mobiles = new ArrayList<>();
      for (int i = start; i < Math.min(count, start + 100); i++) {
        mobiles.add(String.format("137%08d", i));
      }
      tasks.add(client.send(gateway, SendRequest.now(mobiles, CONTENT)).taskId());
    }
    return tasks;
  }

  private long reportsOf(List<String> tasks) {
    return count(
        "select count(*) from status_report where account_id = ? and id > ? and task_id in ("
            + String.join(",", java.util.Collections.nCopies(tasks.size(), "?"))
            + ")",
        args(tasks));
  }

  private Object[] args(List<String> tasks) {
    List<Object> args = new ArrayList<>();
    args.add(account);
    args.add(lastReportBefore);
    args.addAll(tasks);
    return args.toArray();
  }

  private JobView job(long id) {
    return as(() -> sendJobs.find(id)).orElseThrow();
  }

  private <T> T as(Supplier<T> work) {
    return TenantContext.callAs(tenantId, work);
  }

  private long count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }

  private String base() {
    return TestEndpoints.simulator(port);
  }

  private SimulatorControl control() {
    return new SimulatorControl(port);
  }
}
