package com.smsportal.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.smsportal.DatabaseDependent;
import com.smsportal.Logins;
import com.smsportal.PortalWithWorkerTest;
import com.smsportal.TestEndpoints;
import com.smsportal.audit.AuditDetail;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.gatewayaccount.GatewayEndpoints;
import com.smsportal.sending.store.JobEdits;
import com.smsportal.sending.store.SendChunkRepository;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import com.smsportal.web.Times;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Editing a scheduled job before it goes: the same checks as a send, refused once it started, and
 * never a chunk sent half old, half new while the worker claims it at the same moment.
 */
@DatabaseDependent("an edit and a worker's claim at the same moment: row locks")
@PortalWithWorkerTest
class JobEditIntegrationTests {

  private static final String OLD = "【聚合云】周六上午十点开业";
  private static final String NEW = "【聚合云】开业改到周日下午三点";

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired SendJobs jobs;
  @Autowired JobEdits edits;
  @Autowired SendChunkRepository chunks;
  @Autowired GatewayAccounts accounts;
  @Autowired GatewayEndpoints endpoints;
  @Autowired TenantService tenants;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate tx;

  MockHttpSession acme;
  long acmeId;
  long account;

  @BeforeEach
  void setUp() throws Exception {
    acme = Logins.as(mvc, "acme");
    acmeId = tenants.findByName("Acme").orElseThrow().id();
    account =
        asAcme(
            () ->
                accounts.ensure(
                    "edit-" + UUID.randomUUID(),
                    TestEndpoints.of(endpoints, TestEndpoints.simulator(port)),
                    GatewayCharset.UTF8,
                    "101",
                    "acme",
                    "AcmeGw-7351"));
  }

  @Test
  void aScheduledJobEditedBeforeItsTimeGoesOutWithTheNewContent() throws Exception {
    String mobile = mobile();
    long id = scheduled(mobile, Instant.now().plus(Duration.ofHours(1)));
    assertThat(html(get("/jobs/" + id))).contains("id=\"job-edit-form\"").contains(OLD);

    MvcResult edited = edit(id, NEW, inSeconds(3), "12", 0);

    assertThat(edited.getResponse().getRedirectedUrl()).isEqualTo("/jobs/" + id);
    assertThat(page(edited)).contains("id=\"job-edited\"").contains(NEW);
    JobView job = awaitJob(id, j -> j.state() == JobState.FINISHED);
    assertThat(job.content()).isEqualTo(NEW);
    assertThat(job.version()).isEqualTo(1);
    SimulatorTasks.Task sent =
        new SimulatorTasks(port).find(job.chunks().get(0).taskId()).orElseThrow();
    assertThat(sent.content()).isEqualTo(NEW);
    assertThat(sent.extno()).isEqualTo("12");
    assertThat(sent.mobiles()).containsExactly(mobile);
    assertThat(new SimulatorTasks(port).to(mobile)).hasSize(1);
    assertThat(edits(id)).isEqualTo(1);
  }

  @Test
  void anEditThatFailsTheChecksOfASendSaysWhyNextToTheFieldAndChangesNothing() throws Exception {
    long id = scheduled(mobile(), Instant.now().plus(Duration.ofHours(1)));
    String later = inSeconds(7200);

    assertThat(page(edit(id, "【聚合云】六合彩开奖", later, "", 0)))
        .contains("id=\"edit-content-error\"")
        .contains("六合彩");
    assertThat(page(edit(id, NEW, "2020-01-01T08:00", "", 0)))
        .contains("id=\"edit-sendTime-error\"")
        .contains("定时发送时间已过");
    assertThat(page(edit(id, NEW, later, "12a", 0))).contains("id=\"edit-extno-error\"");
    assertThat(page(edit(id, " ", later, "", 0))).contains("id=\"edit-content-error\"");
    assertThat(page(edit(id, NEW, later, "", 5)))
        .contains("id=\"job-edit-refusal\"")
        .contains("已被修改");
    // What was typed is kept for another try.
    assertThat(page(edit(id, "【聚合云】六合彩开奖", later, "", 0))).contains("六合彩开奖</textarea>");

    JobView job = job(id);
    assertThat(job.content()).isEqualTo(OLD);
    assertThat(job.version()).isZero();
    assertThat(edits(id)).isZero();
    assertThat(
            mvc.perform(
                    post("/jobs/" + (id + 100000) + "/edit")
                        .param("content", NEW)
                        .param("sendTime", later)
                        .param("version", "0")
                        .session(acme)
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(404);
  }

  @Test
  void anEditIsRefusedOnceTheJobHasStarted() throws Exception {
    // The worker claimed its chunk a moment before the person pressed save.
    long claimed = scheduled(mobile(), Instant.now().plus(Duration.ofHours(1)));
    long chunk = job(claimed).chunks().get(0).id();
    assertThat(claim(chunk, 0)).isEqualTo(1);
    assertThat(html(get("/jobs/" + claimed))).doesNotContain("id=\"job-edit-form\"");
    assertThat(page(edit(claimed, NEW, inSeconds(7200), "", 0)))
        .contains("id=\"job-edit-refusal\"")
        .contains("不能再修改");
    assertThat(job(claimed).content()).isEqualTo(OLD);

    // Sent already.
    long sent = scheduled(mobile(), Instant.now().plusSeconds(1));
    awaitJob(sent, j -> j.state() == JobState.FINISHED);
    assertThat(page(edit(sent, NEW, inSeconds(7200), "", 0))).contains("不能再修改");
    assertThat(job(sent).content()).isEqualTo(OLD);
    assertThat(edits(claimed) + edits(sent)).isZero();
  }

  @Test
  void aWorkerThatReadTheJobBeforeAnEditCannotClaimItsChunk() {
    long id = scheduled(mobile(), Instant.now().plus(Duration.ofHours(1)));
    long chunk = job(id).chunks().get(0).id();
    // The worker read content and version 0; then the edit commits.
    assertThat(asAcme(() -> edits.edit(id, 0, NEW, Instant.now().plusSeconds(7200), "")))
        .isEqualTo(JobEdits.Outcome.EDITED);

    assertThat(claim(chunk, 0)).as("claim at the version whose content it read").isZero();
    assertThat(claim(chunk, 1)).as("the next round reads the new content").isEqualTo(1);
  }

  @Test
  void anEditAndAClaimAtTheSameMomentNeverBothWin() throws Exception {
    jdbc.update("update gateway_account set chunk_size = 1 where id = ?", account);
    for (int round = 0; round < 15; round++) {
      long id =
          scheduled(mobile() + "," + mobile() + "," + mobile(), Instant.now().plusSeconds(3600));
      List<ChunkView> before = job(id).chunks();
      assertThat(before).hasSize(3);
      long middle = before.get(1).id();
      CountDownLatch start = new CountDownLatch(1);
      CompletableFuture<JobEdits.Outcome> edit =
          CompletableFuture.supplyAsync(
              () -> {
                await(start);
                try {
                  return asAcme(() -> edits.edit(id, 0, NEW, Instant.now().plusSeconds(7200), "9"));
                } catch (RuntimeException lostOnALock) {
                  return JobEdits.Outcome.STARTED; // rolled back
                }
              });
      CompletableFuture<Integer> claim =
          CompletableFuture.supplyAsync(
              () -> {
                await(start);
                try {
                  return claim(middle, 0);
                } catch (RuntimeException lostOnALock) {
                  return 0; // rolled back
                }
              });
      start.countDown();
      boolean edited = edit.get() == JobEdits.Outcome.EDITED;
      boolean claimedIt = claim.get() == 1;

      assertThat(edited ^ claimedIt).as("round " + round + ": exactly one wins").isTrue();
      JobView job = job(id);
      List<Integer> versions =
          jdbc.queryForList(
              "select job_version from send_chunk where job_id = ? order by seq",
              Integer.class,
              id);
      if (edited) {
        assertThat(job.content()).isEqualTo(NEW);
        assertThat(versions).containsOnly(1);
        assertThat(job.chunks()).allMatch(c -> c.state() == ChunkState.QUEUED);
      } else {
        assertThat(job.content()).isEqualTo(OLD);
        assertThat(job.extno()).isEmpty();
        assertThat(versions).containsOnly(0);
        assertThat(job.chunks().get(1).state()).isEqualTo(ChunkState.SUBMITTING);
      }
      asAcme(() -> jobs.cancel(id));
    }
  }

  // ---- helpers

  private long scheduled(String mobiles, Instant at) {
    SubmitResult result =
        asAcme(
            () ->
                jobs.submit(
                    new SendOrder(account, mobiles, OLD, at, "", UUID.randomUUID().toString())));
    assertThat(result.refusal()).isNull();
    return result.jobId();
  }

  private int claim(long chunkId, int version) {
    return asAcme(
        () -> tx.execute(s -> chunks.claim(chunkId, 0, version, Instant.now(), "a-worker", 1L)));
  }

  private MvcResult edit(long id, String content, String sendTime, String extno, int version)
      throws Exception {
    return mvc.perform(
            post("/jobs/" + id + "/edit")
                .param("content", content)
                .param("sendTime", sendTime)
                .param("extno", extno)
                .param("version", Integer.toString(version))
                .session(acme)
                .with(csrf()))
        .andReturn();
  }

  /** The job page the edit redirected to, with the edit's flash attributes. */
  private String page(MvcResult edit) throws Exception {
    assertThat(edit.getResponse().getRedirectedUrl()).isNotNull();
    return mvc.perform(
            get(edit.getResponse().getRedirectedUrl()).flashAttrs(edit.getFlashMap()).session(acme))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private static String inSeconds(long seconds) {
    return LocalDateTime.now(Times.ZONE).plusSeconds(seconds).withNano(0).toString();
  }

  private static String mobile() {
    return "167" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
  }

  private long edits(long jobId) {
    return jdbc.queryForObject(
        "select count(*) from audit_event where action = 'SEND_EDITED' and target = ?",
        Long.class,
        AuditDetail.of("audit.target.job", jobId).encode());
  }

  private JobView job(long id) {
    return asAcme(() -> jobs.find(id).orElseThrow());
  }

  private JobView awaitJob(long id, Predicate<JobView> done) {
    return Awaitility.await("job " + id).atMost(Duration.ofSeconds(20)).until(() -> job(id), done);
  }

  private <T> T asAcme(Supplier<T> work) {
    return TenantContext.callAs(acmeId, work);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private String html(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder r)
      throws Exception {
    return mvc.perform(r.session(acme)).andReturn().getResponse().getContentAsString();
  }
}
