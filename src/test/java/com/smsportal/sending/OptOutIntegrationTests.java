package com.smsportal.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.smsportal.DatabaseDependent;
import com.smsportal.Logins;
import com.smsportal.PortalWithWorkerTest;
import com.smsportal.SimulatorControl;
import com.smsportal.TestEndpoints;
import com.smsportal.audit.AuditDetail;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.gatewayaccount.GatewayEndpoints;
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
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The opt-out list: a customer's pages, the poller's idempotent entry point, and sends that leave
 * listed numbers out (checked against what the simulator received). Numbers are random in the 166
 * range so that no other test's sends meet them.
 */
@DatabaseDependent(
    "a number added once when its reply comes many times at once (unique key); IN lists of 100,000")
@PortalWithWorkerTest
class OptOutIntegrationTests {

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired OptOuts optOuts;
  @Autowired SendJobs jobs;
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
    account = account(GatewayCharset.UTF8);
  }

  @Test
  void aCustomerAddsFindsAndRemovesANumberAfterConfirmingAndEachChangeIsAudited() throws Exception {
    String mobile = mobile();
    String typed = "+86 " + mobile.substring(0, 3) + "-" + mobile.substring(3);
    assertThat(html(get("/optouts?mobile=" + mobile))).contains("id=\"optouts-empty\"");
    assertThat(html(get("/optouts"))).contains("id=\"nav-optouts\"").contains("退订名单");

    MockHttpServletResponse bad = add("12345", "");
    assertThat(bad.getStatus()).isEqualTo(200);
    assertThat(bad.getContentAsString()).contains("id=\"mobile-error\"").contains("有效的大陆手机号码");
    MockHttpServletResponse longNote = add(mobile, "很".repeat(201));
    assertThat(longNote.getContentAsString()).contains("id=\"note-error\"");
    assertThat(listed(mobile)).isEmpty();

    MockHttpServletResponse added = add(typed, "客户来电要求退订");
    assertThat(added.getRedirectedUrl()).isEqualTo("/optouts");
    assertThat(html(get("/optouts"))).contains("已将 " + mobile + " 加入退订名单");
    String found = html(get("/optouts?mobile=" + mobile.substring(4)));
    assertThat(found).contains(">" + mobile + "<").contains("客户来电要求退订").contains("手动添加");
    add(mobile, "");
    assertThat(html(get("/optouts"))).contains(mobile + " 已在退订名单中");
    assertThat(listed(mobile)).hasSize(1);

    long id = listed(mobile).get(0).id();
    String confirm = html(get("/optouts/" + id + "/remove"));
    assertThat(confirm).contains("id=\"optout-remove-confirm\"").contains(mobile);
    assertThat(listed(mobile)).as("asking is not removing").hasSize(1);
    MockHttpServletResponse removed =
        mvc.perform(post("/optouts/" + id + "/remove").session(acme).with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(removed.getRedirectedUrl()).isEqualTo("/optouts");
    assertThat(listed(mobile)).isEmpty();
    assertThat(
            mvc.perform(post("/optouts/" + id + "/remove").session(acme).with(csrf()))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(404);

    assertThat(audits("OPT_OUT_ADDED", mobile)).isEqualTo(1);
    assertThat(audits("OPT_OUT_REMOVED", mobile)).isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select actor from audit_event where action = 'OPT_OUT_ADDED' and target = ?",
                String.class,
                AuditDetail.of("audit.target.optOut", mobile).encode()))
        .isEqualTo("acme");
  }

  /**
   * One reading of a number everywhere: listed with its country code, the number is left out of a
   * send to it written bare, and a search finds it however it is written.
   */
  @Test
  void aNumberListedWithItsCountryCodeBlocksASendToItAndIsFoundHoweverItIsWritten()
      throws Exception {
    String mobile = mobile();
    assertThat(add("+86" + mobile, "").getRedirectedUrl()).isEqualTo("/optouts");
    assertThat(listed(mobile)).extracting(OptOutView::mobile).containsExactly(mobile);

    String fullWidth =
        mobile
            .chars()
            .mapToObj(c -> String.valueOf((char) (c - '0' + '０')))
            .reduce("", String::concat);
    for (String typed :
        List.of(
            mobile,
            "+86" + mobile,
            "+86 "
                + mobile.substring(0, 3)
                + " "
                + mobile.substring(3, 7)
                + " "
                + mobile.substring(7),
            "0086" + mobile,
            "86" + mobile,
            mobile.substring(0, 3) + "-" + mobile.substring(3),
            fullWidth)) {
      assertThat(html(get("/optouts").param("mobile", typed)))
          .as("a search for %s", typed)
          .contains(">" + mobile + "<");
    }

    String other = mobile();
    MockHttpServletResponse sent = send(mobile + "," + other, "【聚合云】只发给未退订的号码");
    long id = Long.parseLong(sent.getRedirectedUrl().substring("/jobs/".length()));
    JobView job = awaitJob(id, j -> j.state() == JobState.FINISHED);
    assertThat(job.numberCount()).isEqualTo(1);
    assertThat(job.optedOutCount()).isEqualTo(1);
    assertThat(new SimulatorTasks(port).to(mobile)).isEmpty();
    assertThat(new SimulatorTasks(port).to(other)).isNotEmpty();
  }

  @Test
  void theListShowsNewestFirstAndPagesByKeyset() throws Exception {
    String prefix = "1668" + String.format("%04d", ThreadLocalRandom.current().nextInt(10000));
    List<String> added = new ArrayList<>();
    for (int i = 0; i < 55; i++) {
      String mobile = prefix + String.format("%03d", i);
      assertThat(asAcme(() -> optOuts.add(mobile, null))).isEqualTo(OptOuts.Added.ADDED);
      added.add(mobile);
    }
    String first = html(get("/optouts?mobile=" + prefix));
    assertThat(first)
        .contains(prefix + "054")
        .contains(prefix + "005")
        .doesNotContain(prefix + "004<");
    assertThat(first.indexOf(prefix + "054")).isLessThan(first.indexOf(prefix + "053"));
    String next =
        first.replaceAll("(?s).*rel=\"next\" href=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
    assertThat(next).contains("before=").contains("mobile=" + prefix);
    String second = html(get(next));
    assertThat(second)
        .contains(prefix + "004")
        .contains(prefix + "000")
        .doesNotContain(prefix + "005<");
    assertThat(second).doesNotContain("rel=\"next\"");
  }

  @Test
  void aReplyAddsItsNumberOnceEvenWhenItArrivesManyTimesAtOnce() throws Exception {
    long tenant = tenants.create("OptOut " + UUID.randomUUID().toString().substring(0, 8)).id();
    String mobile = mobile();
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Boolean>> calls = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      long replyId = 1000 + i;
      calls.add(
          CompletableFuture.supplyAsync(
              () -> {
                await(start);
                return TenantContext.callAs(tenant, () -> optOuts.addFromReply(mobile, replyId));
              }));
    }
    start.countDown();
    List<Boolean> added = new ArrayList<>();
    for (CompletableFuture<Boolean> call : calls) {
      added.add(call.get());
    }

    assertThat(added).containsOnlyOnce(true);
    Map<String, Object> row =
        jdbc.queryForMap(
            "select * from opt_out where tenant_id = ? and mobile = ?", tenant, mobile);
    assertThat(row.get("source")).isEqualTo("REPLY");
    assertThat(row.get("created_by")).isEqualTo("system");
    assertThat(((Number) row.get("reply_id")).longValue()).isBetween(1000L, 1007L);
    // Written the way a reply may carry it; and from inside the poller's own transaction, which
    // the duplicate must not spoil.
    Boolean again =
        TenantContext.callAs(
            tenant, () -> tx.execute(s -> optOuts.addFromReply("0086" + mobile, 2000)));
    assertThat(again).isFalse();
    assertThat(TenantContext.callAs(tenant, () -> optOuts.addFromReply("not a number", 2001)))
        .isFalse();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from opt_out where tenant_id = ?", Long.class, tenant))
        .isEqualTo(1);
    assertThat(audits("OPT_OUT_ADDED", mobile)).isEqualTo(1);
    // Another tenant's list is its own.
    assertThat(asAcme(() -> optOuts.optedOut(List.of(mobile)))).isEmpty();
  }

  @Test
  void aHundredThousandNumbersAreCheckedAgainstTheList() {
    long tenant = tenants.create("Many " + UUID.randomUUID().toString().substring(0, 8)).id();
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      numbers.add(String.format("135%08d", i));
    }
    List<String> listed = List.of(numbers.get(0), numbers.get(54_321), numbers.get(99_999));
    TenantContext.runAs(tenant, () -> listed.forEach(m -> optOuts.addFromReply(m, 1)));

    assertThat(TenantContext.callAs(tenant, () -> optOuts.optedOut(numbers)))
        .containsExactlyInAnyOrderElementsOf(listed);
  }

  @Test
  void theComposeSummaryCountsAndListsTheNumbersItWillLeaveOut() throws Exception {
    String listedA = optedOut();
    String listedB = optedOut();
    String other = mobile();
    String fragment =
        html(
            post("/send/check")
                .param("accountId", Long.toString(account))
                .param("mobiles", listedA + "\n" + other + "\n" + listedB)
                .param("content", "【聚合云】您好")
                .header("HX-Request", "true")
                .with(csrf()));
    assertThat(fragment)
        .as("valid numbers that will be sent; the opted-out ones on their own line")
        .contains("id=\"check-valid\">1<")
        .contains("id=\"check-optedout\">2<")
        .contains("id=\"check-optedout-list\"")
        .contains("<code>" + listedA + "</code>")
        .contains("<code>" + listedB + "</code>")
        .doesNotContain("<code>" + other + "</code>")
        .contains("id=\"check-cost\">1<");
  }

  @Test
  void aSendLeavesOutTheListedNumbersAndTheGatewayReceivesOnlyTheOthers() throws Exception {
    String listedA = optedOut();
    String listedB = optedOut();
    String a = mobile();
    String b = mobile();
    MockHttpServletResponse sent = send(String.join(",", a, listedA, b, listedB), "【聚合云】只发给未退订的号码");
    assertThat(sent.getRedirectedUrl()).startsWith("/jobs/");
    long id = Long.parseLong(sent.getRedirectedUrl().substring("/jobs/".length()));

    JobView job = awaitJob(id, j -> j.state() == JobState.FINISHED);
    assertThat(job.numberCount()).isEqualTo(2);
    assertThat(job.optedOutCount()).isEqualTo(2);
    ChunkView chunk = job.chunks().get(0);
    assertThat(chunk.successCounts()).isEqualTo(2);
    assertThat(new SimulatorTasks(port).find(chunk.taskId()).orElseThrow().mobiles())
        .containsExactly(a, b);
    assertThat(new SimulatorTasks(port).to(listedA)).isEmpty();
    assertThat(html(get("/jobs/" + id))).contains("id=\"job-opted-out\">2<").contains("因退订未发送");
  }

  @Test
  void aSendToNumbersThatAreAllListedIsRefusedAndStoresNothing() throws Exception {
    String listedA = optedOut();
    String listedB = optedOut();
    long before = asAcme(() -> jobs.count());

    String page = send(listedA + "\n" + listedB, "【聚合云】您好").getContentAsString();

    assertThat(page).contains("id=\"mobiles-error\"").contains("所有有效号码都在退订名单中");
    // The facade checks the list itself, whatever a form claimed.
    SubmitResult direct =
        asAcme(
            () ->
                jobs.submit(
                    new SendOrder(
                        account, listedA, "【聚合云】您好", null, "", UUID.randomUUID().toString())));
    assertThat(direct.refusal()).isEqualTo(SendRefusal.ALL_OPTED_OUT);
    assertThat(asAcme(() -> jobs.count())).isEqualTo(before);
    assertThat(new SimulatorTasks(port).to(listedA)).isEmpty();
  }

  @Test
  void aNumberThatOptsOutAfterTheJobWasStoredIsSkippedWhenItsChunkGoes() throws Exception {
    String stays = mobile();
    String leaves = mobile();
    String alone = mobile();
    Instant soon = Instant.now().plusSeconds(2);
    SubmitResult mixed = submit(stays + "," + leaves, soon);
    SubmitResult onlyLeaving = submit(alone, soon);
    TenantContext.runAs(
        acmeId,
        () -> {
          optOuts.addFromReply(leaves, 77);
          optOuts.addFromReply(alone, 78);
        });

    JobView job = awaitJob(mixed.jobId(), j -> j.state() == JobState.FINISHED);
    assertThat(job.numbers())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(NumberState.SUBMITTED, 1L, NumberState.OPTED_OUT, 1L));
    assertThat(new SimulatorTasks(port).find(job.chunks().get(0).taskId()).orElseThrow().mobiles())
        .containsExactly(stays);
    assertThat(html(get("/jobs/" + mixed.jobId() + "?state=OPTED_OUT")))
        .contains(">" + leaves + "<")
        .contains("已退订，未发送");

    JobView none = awaitJob(onlyLeaving.jobId(), j -> j.state() == JobState.FINISHED);
    assertThat(none.chunks().get(0).state()).isEqualTo(ChunkState.CANCELLED);
    assertThat(none.chunks().get(0).error()).isEqualTo("OPTED_OUT");
    assertThat(none.chunks().get(0).taskId()).isNull();
    assertThat(none.numbers()).containsExactlyEntriesOf(Map.of(NumberState.OPTED_OUT, 1L));
    assertThat(new SimulatorTasks(port).to(alone)).isEmpty();
    assertThat(new SimulatorTasks(port).to(leaves)).isEmpty();
  }

  @Test
  void theLiveSummaryNamesWhatAGbkAccountCannotCarry() throws Exception {
    long gbk = account(GatewayCharset.GBK);
    String content = "【聚合云】刘䶮先生，生日快乐🎂🎂";
    String flagged = check(gbk, content);
    assertThat(flagged)
        .contains("id=\"check-not-carried\"")
        .contains("<code>䶮</code>")
        .contains("<code>🎂</code>")
        .doesNotContain("<code>刘</code>");
    assertThat(check(account, content)).doesNotContain("id=\"check-not-carried\"");
    assertThat(check(gbk, "【聚合云】喆、镕、堃先生，生日快乐")).doesNotContain("id=\"check-not-carried\"");
  }

  // ---- helpers

  private String check(long accountId, String content) throws Exception {
    return html(
        post("/send/check")
            .param("accountId", Long.toString(accountId))
            .param("mobiles", "13800138000")
            .param("content", content)
            .header("HX-Request", "true")
            .with(csrf()));
  }

  private static String mobile() {
    return "166" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
  }

  /** A fresh number, on Acme's opt-out list. */
  private String optedOut() {
    String mobile = mobile();
    assertThat(asAcme(() -> optOuts.add(mobile, "test"))).isEqualTo(OptOuts.Added.ADDED);
    return mobile;
  }

  private List<OptOutView> listed(String mobile) {
    return asAcme(() -> optOuts.page(mobile, null, 10));
  }

  private long audits(String action, String mobile) {
    return jdbc.queryForObject(
        "select count(*) from audit_event where action = ? and target = ?",
        Long.class,
        action,
        AuditDetail.of("audit.target.optOut", mobile).encode());
  }

  private SubmitResult submit(String mobiles, Instant sendTime) {
    SubmitResult result =
        asAcme(
            () ->
                jobs.submit(
                    new SendOrder(
                        account,
                        mobiles,
                        "【聚合云】稍后发送",
                        sendTime,
                        "",
                        UUID.randomUUID().toString())));
    assertThat(result.refusal()).isNull();
    return result;
  }

  private MockHttpServletResponse add(String mobile, String note) throws Exception {
    return mvc.perform(
            post("/optouts").param("mobile", mobile).param("note", note).session(acme).with(csrf()))
        .andReturn()
        .getResponse();
  }

  private MockHttpServletResponse send(String mobiles, String content) throws Exception {
    return SendConfirmation.sendAndConfirm(
        mvc,
        post("/send")
            .param("accountId", Long.toString(account))
            .param("mobiles", mobiles)
            .param("content", content)
            .param("idempotencyKey", UUID.randomUUID().toString())
            .session(acme)
            .with(csrf()),
        acme);
  }

  /** An Acme account on a simulator account of its own (each can be registered only once). */
  private long account(GatewayCharset charset) throws Exception {
    SimulatorControl.OpenedAccount opened = new SimulatorControl(port).open("optout", 10_000);
    return asAcme(
        () ->
            accounts.ensure(
                "optout-" + UUID.randomUUID(),
                TestEndpoints.of(endpoints, TestEndpoints.simulator(port)),
                charset,
                opened.userid(),
                opened.account(),
                opened.password()));
  }

  private <T> T asAcme(Supplier<T> work) {
    return TenantContext.callAs(acmeId, work);
  }

  private JobView awaitJob(long id, Predicate<JobView> done) {
    return Awaitility.await("job " + id)
        .atMost(Duration.ofSeconds(20))
        .until(() -> asAcme(() -> jobs.find(id).orElseThrow()), done);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private String html(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.session(acme)).andReturn().getResponse().getContentAsString();
  }
}
