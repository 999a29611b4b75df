package com.smsportal.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.smsportal.DatabaseDependent;
import com.smsportal.PortalWithWorkerTest;
import com.smsportal.SimulatorControl;
import com.smsportal.TestEndpoints;
import com.smsportal.audit.AuditDetail;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gateway.GatewayClient;
import com.smsportal.gateway.GatewayLogin;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.gatewayaccount.GatewayEndpoints;
import com.smsportal.message.MessageSegments;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Send jobs end to end against the simulator over HTTP: stored before anything is sent, submitted
 * by the worker in chunks, each outcome recorded, and no message ever sent twice by the portal on
 * its own. What the simulator charged (its balance) tells how many messages really went out.
 *
 * <p>Its context's send worker is on ({@link PortalWithWorkerTest}): the client gives up after 5 s,
 * the simulator's LOST_ANSWER holds its answer 6 s. The simulator is reset before each test.
 */
@DatabaseDependent(
    "one job for the same form at the same moment (idempotency key); chunks claimed and recovered")
@PortalWithWorkerTest
class SendJobIntegrationTests {

  private static final String CONTENT = "【聚合云】您的验证码是 1234。";

  @LocalServerPort int port;

  @Autowired SendJobs sendJobs;
  @Autowired GatewayAccounts accounts;
  @Autowired GatewayEndpoints endpoints;
  @Autowired TenantService tenants;
  @Autowired GatewayClient client;
  @Autowired JdbcTemplate jdbc;

  /** This test's bulk account at the simulator (a balance of 1,000,000). */
  private SimulatorControl.OpenedAccount gw;

  private long tenantId;
  private long bulk;

  @BeforeEach
  void startOver() throws Exception {
    control("/reset", Map.of());
    gw = new SimulatorControl(port).open("bulk", 1_000_000);
    tenantId = tenants.create("Sending " + UUID.randomUUID().toString().substring(0, 8)).id();
    bulk =
        as(
            () ->
                accounts.ensure(
                    "bulk",
                    TestEndpoints.of(endpoints, base()),
                    GatewayCharset.UTF8,
                    gw.userid(),
                    gw.account(),
                    gw.password()));
  }

  @AfterEach
  void noFaultLeft() throws Exception {
    control("/faults", Map.of("account", gw.account(), "mode", "NONE"));
  }

  @Test
  void aJobOf2500NumbersGoesInThreeChunksWithThreeTaskIds() {
    long before = balance();

    SubmitResult result = submit(order(bulk, numbers(2500), CONTENT, null, ""));

    assertThat(result.accepted()).isTrue();
    assertThat(result.repeated()).isFalse();
    JobView job = awaitJob(result.jobId(), j -> j.state() == JobState.FINISHED);
    assertThat(job.chunks()).hasSize(3);
    assertThat(job.chunks()).extracting(ChunkView::numberCount).containsExactly(1000, 1000, 500);
    assertThat(job.chunks()).allMatch(c -> c.state() == ChunkState.SUBMITTED && c.attempts() == 1);
    assertThat(job.chunks())
        .extracting(ChunkView::taskId)
        .doesNotContainNull()
        .doesNotHaveDuplicates();
    assertThat(job.chunks())
        .extracting(ChunkView::successCounts)
        .containsExactly(1000L, 1000L, 500L);
    assertThat(job.chunks().get(2).remainpoint()).isEqualTo(before - 2500);
    assertThat(job.chunks()).allMatch(c -> c.rawAnswer().contains("<taskID>" + c.taskId()));
    assertThat(job.numbers()).containsExactlyEntriesOf(Map.of(NumberState.SUBMITTED, 2500L));
    assertThat(balance()).isEqualTo(before - 2500L * MessageSegments.count(CONTENT).segments());
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_event where action = 'SEND' and target = ?",
                Long.class,
                AuditDetail.of("audit.target.job", result.jobId()).encode()))
        .isEqualTo(1);
  }

  @Test
  void aBalanceTooLowRejectsTheChunkWithTheGatewaysWordsAndSendsNothing() throws Exception {
    SimulatorControl.OpenedAccount poor = new SimulatorControl(port).open("globex", 500);
    long globex =
        as(
            () ->
                accounts.ensure(
                    "globex",
                    TestEndpoints.of(endpoints, base()),
                    GatewayCharset.UTF8,
                    poor.userid(),
                    poor.account(),
                    poor.password()));

    SubmitResult result = submit(order(globex, numbers(600), CONTENT, null, ""));

    JobView job = awaitJob(result.jobId(), j -> j.state() == JobState.FINISHED);
    ChunkView chunk = job.chunks().get(0);
    assertThat(chunk.state()).isEqualTo(ChunkState.REJECTED);
    assertThat(chunk.error()).isEqualTo("BALANCE_TOO_LOW");
    assertThat(chunk.message()).isEqualTo("对不起，您当前要发送的量大于您当前余额");
    assertThat(chunk.rawAnswer()).contains("Faild");
    assertThat(chunk.taskId()).isNull();
    assertThat(job.numbers()).containsExactlyEntriesOf(Map.of(NumberState.REJECTED, 600L));
    assertThat(balanceOf(poor.userid(), poor.account(), poor.password())).isEqualTo(500);
  }

  @Test
  void aBlockedWordRejectsTheChunkNamingTheWord() {
    long before = balance();

    SubmitResult result = submit(order(bulk, numbers(3), "最新六合彩开奖结果", null, ""));

    JobView job = awaitJob(result.jobId(), j -> j.state() == JobState.FINISHED);
    ChunkView chunk = job.chunks().get(0);
    assertThat(chunk.state()).isEqualTo(ChunkState.REJECTED);
    assertThat(chunk.error()).isEqualTo("BLOCKED_WORDS");
    assertThat(chunk.message()).contains("包含非法字符").contains("六合彩");
    assertThat(job.numbers()).containsExactlyEntriesOf(Map.of(NumberState.REJECTED, 3L));
    assertThat(balance()).isEqualTo(before);
  }

  @Test
  void aLostAnswerLeavesTheChunkUnknownAndOnlyAConfirmedPersonResendsIt() throws Exception {
    long before = balance();
    fault("LOST_ANSWER", 1);

    SubmitResult result = submit(order(bulk, numbers(10), CONTENT, null, ""));

    JobView job = awaitJob(result.jobId(), j -> j.state() == JobState.FINISHED);
    ChunkView chunk = job.chunks().get(0);
    assertThat(chunk.state()).isEqualTo(ChunkState.UNKNOWN);
    assertThat(chunk.error()).isEqualTo("OUTCOME_UNKNOWN");
    assertThat(job.numbers()).containsExactlyEntriesOf(Map.of(NumberState.UNKNOWN, 10L));
    // The gateway did send: the answer was lost on the way back.
    assertThat(balance()).isEqualTo(before - 10);

    // Many rounds of the worker, and the simulator's answer long gone: never resent on its own.
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(6))
        .untilAsserted(
            () -> {
              ChunkView now = job(result.jobId()).chunks().get(0);
              assertThat(now.state()).isEqualTo(ChunkState.UNKNOWN);
              assertThat(now.attempts()).isEqualTo(1);
              assertThat(balance()).as("never resent by the worker").isEqualTo(before - 10);
            });

    assertThat(as(() -> sendJobs.resendUnknown(result.jobId(), chunk.id(), false)))
        .isEqualTo(ResendOutcome.NOT_CONFIRMED);
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(4))
        .untilAsserted(() -> assertThat(balance()).isEqualTo(before - 10));
    assertThat(resentAudits(result.jobId())).isZero();

    assertThat(as(() -> sendJobs.resendUnknown(result.jobId(), chunk.id(), true)))
        .isEqualTo(ResendOutcome.RESENT);
    JobView resent = awaitJob(result.jobId(), j -> j.state() == JobState.FINISHED);
    assertThat(resent.chunks().get(0).state()).isEqualTo(ChunkState.SUBMITTED);
    assertThat(resent.chunks().get(0).attempts()).isEqualTo(2);
    assertThat(resent.numbers()).containsExactlyEntriesOf(Map.of(NumberState.SUBMITTED, 10L));
    assertThat(balance()).isEqualTo(before - 20);
    assertThat(resentAudits(result.jobId())).isEqualTo(1);
    assertThat(as(() -> sendJobs.resendUnknown(result.jobId(), chunk.id(), true)))
        .isEqualTo(ResendOutcome.NOT_UNKNOWN);
  }

  @Test
  void aChunkLeftSubmittingByACrashBecomesUnknownAndIsNotResent() throws Exception {
    long before = balance();
    SubmitResult result =
        submit(order(bulk, numbers(5), CONTENT, Instant.now().plus(Duration.ofHours(1)), ""));
    long chunkId = job(result.jobId()).chunks().get(0).id();
    // What a node leaves behind when it stops after marking the chunk, before the answer came.
    jdbc.update(
        "update send_chunk set state = 'SUBMITTING', attempts = 1, due_at = ?,"
            + " attempted_at = '2000-01-01 00:00:00' where id = ?",
        "2000-01-01 00:00:00",
        chunkId);

    // The chunk and its job change in one transaction, but on H2 (READ COMMITTED) a view may read
    // the job just before that commit and the chunk just after: wait for both.
    JobView job =
        awaitJob(
            result.jobId(),
            j -> j.chunks().get(0).state() == ChunkState.UNKNOWN && j.state() != JobState.OPEN);

    assertThat(job.chunks().get(0).error()).isEqualTo("INTERRUPTED");
    // Like any chunk without an answer: its numbers UNKNOWN too, and the job no longer open.
    assertThat(job.numbers()).containsExactlyEntriesOf(Map.of(NumberState.UNKNOWN, 5L));
    assertThat(job.state()).isEqualTo(JobState.FINISHED);
    await()
        .during(Duration.ofMillis(1500))
        .atMost(Duration.ofSeconds(4))
        .untilAsserted(
            () -> {
              ChunkView now = job(result.jobId()).chunks().get(0);
              assertThat(now.state()).isEqualTo(ChunkState.UNKNOWN);
              assertThat(now.attempts()).isEqualTo(1);
              assertThat(balance()).isEqualTo(before);
            });
  }

  @Test
  void theSameFormSubmittedTwiceMakesOneJobAndSendsOnce() {
    long before = balance();
    SendOrder order = order(bulk, numbers(7), CONTENT, null, "");

    SubmitResult first = submit(order);
    SubmitResult second = submit(order);

    assertThat(second.jobId()).isEqualTo(first.jobId());
    assertThat(first.repeated()).isFalse();
    assertThat(second.repeated()).isTrue();
    awaitJob(first.jobId(), j -> j.state() == JobState.FINISHED);
    assertThat(submit(order).jobId()).isEqualTo(first.jobId());
    assertThat(jobsWithKey(order.idempotencyKey())).isEqualTo(1);
    assertThat(balance()).isEqualTo(before - 7);
  }

  @Test
  void theSameFormSubmittedTwiceAtTheSameMomentMakesOneJobAndSendsOnce() throws Exception {
    long before = balance();
    SendOrder order = order(bulk, numbers(1500), CONTENT, null, "");
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<SubmitResult>> submits = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      submits.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  throw new IllegalStateException(e);
                }
                return submit(order);
              }));
    }
    start.countDown();
    SubmitResult a = submits.get(0).get();
    SubmitResult b = submits.get(1).get();

    assertThat(a.jobId()).isNotNull().isEqualTo(b.jobId());
    assertThat(List.of(a.repeated(), b.repeated())).containsExactlyInAnyOrder(true, false);
    awaitJob(a.jobId(), j -> j.state() == JobState.FINISHED);
    assertThat(jobsWithKey(order.idempotencyKey())).isEqualTo(1);
    assertThat(count("select count(*) from send_number where job_id = ?", a.jobId()))
        .isEqualTo(1500);
    assertThat(balance()).isEqualTo(before - 1500);
  }

  @Test
  void anOrderThatCannotBeSentIsRefusedWithItsReasonAndNothingIsStored() {
    Instant past = Instant.now().minusSeconds(60);
    assertThat(refusal(order(bulk, "12345, abc", CONTENT, null, "")))
        .isEqualTo(SendRefusal.NO_VALID_NUMBER);
    assertThat(refusal(order(bulk, numbers(1), "  ", null, "")))
        .isEqualTo(SendRefusal.EMPTY_CONTENT);
    assertThat(refusal(order(bulk, numbers(1), CONTENT, null, "12a")))
        .isEqualTo(SendRefusal.BAD_EXTNO);
    assertThat(refusal(order(bulk, numbers(1), CONTENT, null, "12345678901")))
        .isEqualTo(SendRefusal.BAD_EXTNO);
    assertThat(refusal(order(bulk, numbers(1), CONTENT, past, "")))
        .isEqualTo(SendRefusal.SEND_TIME_PAST);
    assertThat(refusal(order(bulk + 100000, numbers(1), CONTENT, null, "")))
        .isEqualTo(SendRefusal.NO_SUCH_ACCOUNT);
    assertThat(refusal(new SendOrder(bulk, numbers(1), CONTENT, null, "", " ")))
        .isEqualTo(SendRefusal.NO_IDEMPOTENCY_KEY);

    jdbc.update("update gateway_account set extno_supported = false where id = ?", bulk);
    assertThat(refusal(order(bulk, numbers(1), CONTENT, null, "123")))
        .isEqualTo(SendRefusal.EXTNO_NOT_SUPPORTED);

    jdbc.update("update gateway_account set rotation_state = 'IN_DOUBT' where id = ?", bulk);
    assertThat(refusal(order(bulk, numbers(1), CONTENT, null, "")))
        .isEqualTo(SendRefusal.ROTATION_IN_DOUBT);
    jdbc.update("update gateway_account set rotation_state = 'NONE' where id = ?", bulk);

    jdbc.update("update gateway_account set active = false where id = ?", bulk);
    assertThat(refusal(order(bulk, numbers(1), CONTENT, null, "")))
        .isEqualTo(SendRefusal.ACCOUNT_INACTIVE);
    jdbc.update("update gateway_account set active = true where id = ?", bulk);

    tenants.suspend(tenantId);
    assertThat(refusal(order(bulk, numbers(1), CONTENT, null, "")))
        .isEqualTo(SendRefusal.TENANT_SUSPENDED);

    assertThat(count("select count(*) from send_job where tenant_id = ?", tenantId)).isZero();
    assertThat(count("select count(*) from send_number where tenant_id = ?", tenantId)).isZero();
  }

  @Test
  void aScheduledJobWaitsForItsTimeAndACancelledOneNeverGoes() throws Exception {
    long before = balance();
    Instant at = Instant.now().plusSeconds(3);
    SubmitResult scheduled = submit(order(bulk, numbers(4), CONTENT, at, ""));
    SubmitResult cancelled = submit(order(bulk, numbers(6), CONTENT, at, ""));

    assertThat(as(() -> sendJobs.cancel(cancelled.jobId()))).isEqualTo(1);
    // Nothing goes before its time (3 s away): held for the first second of it.
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(2))
        .untilAsserted(
            () -> {
              assertThat(job(scheduled.jobId()).chunks().get(0).state())
                  .isEqualTo(ChunkState.QUEUED);
              assertThat(balance()).isEqualTo(before);
            });

    JobView sent = awaitJob(scheduled.jobId(), j -> j.state() == JobState.FINISHED);
    // attempted_at is written by a bulk update whose Instant binding may drop the fraction of a
    // second (seen once in CI): compare at the second. Not sent early is what matters.
    assertThat(sent.chunks().get(0).attemptedAt())
        .isAfterOrEqualTo(at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    assertThat(sent.numbers()).containsExactlyEntriesOf(Map.of(NumberState.SUBMITTED, 4L));
    // The cancelled job's time has come too, and it stays cancelled.
    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(3))
        .untilAsserted(
            () -> {
              JobView stopped = job(cancelled.jobId());
              assertThat(stopped.state()).isEqualTo(JobState.CANCELLED);
              assertThat(stopped.chunks().get(0).state()).isEqualTo(ChunkState.CANCELLED);
              assertThat(stopped.numbers())
                  .containsExactlyEntriesOf(Map.of(NumberState.CANCELLED, 6L));
              assertThat(balance()).isEqualTo(before - 4);
            });
    assertThat(as(() -> sendJobs.cancel(cancelled.jobId()))).isZero();
  }

  @Test
  void anotherTenantsJobIsNotFound() {
    SubmitResult result =
        submit(order(bulk, numbers(1), CONTENT, Instant.now().plus(Duration.ofHours(1)), ""));
    long other = tenants.create("Other " + UUID.randomUUID().toString().substring(0, 8)).id();

    assertThat(TenantContext.callAs(other, () -> sendJobs.find(result.jobId()))).isEmpty();
    assertThat(TenantContext.callAs(other, () -> sendJobs.page(null, 50))).isEmpty();
    assertThat(TenantContext.callAs(other, () -> sendJobs.cancel(result.jobId()))).isZero();
    assertThat(as(() -> sendJobs.page(null, 50)))
        .extracting(JobView::id)
        .containsExactly(result.jobId());
    assertThat(as(() -> sendJobs.cancel(result.jobId()))).isEqualTo(1);
  }

  @Test
  void aGatewayThatCannotBeReachedLeavesTheChunkQueuedForALaterTry() {
    // Nothing listens on port 1: the request provably never leaves, so a later try is safe.
    long nowhere =
        as(
            () ->
                accounts.ensure(
                    "nowhere",
                    TestEndpoints.of(endpoints, "http://127.0.0.1:1"),
                    GatewayCharset.UTF8,
                    gw.userid(),
                    gw.account(),
                    gw.password()));

    SubmitResult result = submit(order(nowhere, numbers(2), CONTENT, null, ""));

    JobView job =
        awaitJob(result.jobId(), j -> "UPSTREAM_UNREACHABLE".equals(j.chunks().get(0).error()));
    ChunkView chunk = job.chunks().get(0);
    assertThat(chunk.state()).isEqualTo(ChunkState.QUEUED);
    assertThat(chunk.attempts()).isPositive();
    assertThat(chunk.dueAt()).isAfter(chunk.attemptedAt());
    assertThat(job.state()).isEqualTo(JobState.OPEN);
    assertThat(job.numbers()).containsExactlyEntriesOf(Map.of(NumberState.QUEUED, 2L));
    assertThat(as(() -> sendJobs.cancel(result.jobId()))).isEqualTo(1);
  }

  @Test
  void aJobOfASuspendedTenantWaitsAndGoesOnceTheTenantIsActiveAgain() throws Exception {
    long before = balance();
    SubmitResult result =
        submit(order(bulk, numbers(3), CONTENT, Instant.now().plusSeconds(1), ""));
    tenants.suspend(tenantId);

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                String.valueOf(job(result.jobId()).chunks().get(0).message())
                    .contains("suspended"));
    assertThat(job(result.jobId()).chunks().get(0).state()).isEqualTo(ChunkState.QUEUED);
    assertThat(job(result.jobId()).chunks().get(0).attempts()).isZero();
    assertThat(balance()).isEqualTo(before);

    tenants.reactivate(tenantId);
    JobView sent = awaitJob(result.jobId(), j -> j.state() == JobState.FINISHED);
    assertThat(sent.chunks().get(0).state()).isEqualTo(ChunkState.SUBMITTED);
    assertThat(sent.chunks().get(0).message()).isNull();
    assertThat(balance()).isEqualTo(before - 3);
  }

  // ---- helpers

  private <T> T as(Supplier<T> work) {
    return TenantContext.callAs(tenantId, work);
  }

  private SubmitResult submit(SendOrder order) {
    SubmitResult result = as(() -> sendJobs.submit(order));
    assertThat(result.refusal()).isNull();
    return result;
  }

  private SendRefusal refusal(SendOrder order) {
    SubmitResult result = as(() -> sendJobs.submit(order));
    assertThat(result.jobId()).isNull();
    return result.refusal();
  }

  private static SendOrder order(
      long account, String numbers, String content, Instant sendTime, String extno) {
    return new SendOrder(account, numbers, content, sendTime, extno, UUID.randomUUID().toString());
  }

  private static String numbers(int count) {
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      numbers.add(String.format("139%08d", i));
    }
    return String.join(",", numbers);
  }

  private JobView job(long id) {
    return as(() -> sendJobs.find(id)).orElseThrow();
  }

  private JobView awaitJob(long id, java.util.function.Predicate<JobView> done) {
    return await().atMost(Duration.ofSeconds(20)).until(() -> job(id), done);
  }

  private long balance() {
    return balanceOf(gw.userid(), gw.account(), gw.password());
  }

  private long balanceOf(String userid, String account, String password) {
    return client
        .overage(new GatewayLogin(base(), GatewayCharset.UTF8, userid, account, password))
        .overage();
  }

  private long jobsWithKey(String key) {
    return count("select count(*) from send_job where idempotency_key = ?", key);
  }

  private long resentAudits(long jobId) {
    return count(
        "select count(*) from audit_event where action = 'SEND_RESENT' and target = ?",
        AuditDetail.of("audit.target.job", jobId).encode());
  }

  private long count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }

  private String base() {
    return TestEndpoints.simulator(port);
  }

  private void fault(String mode, int times) throws Exception {
    new SimulatorControl(port).fault(gw.account(), mode, times);
  }

  private void control(String path, Map<String, String> fields) throws Exception {
    new SimulatorControl(port).post(path, fields);
  }
}
