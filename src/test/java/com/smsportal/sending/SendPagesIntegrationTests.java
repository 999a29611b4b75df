package com.smsportal.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;

import com.smsportal.DatabaseDependent;
import com.smsportal.Logins;
import com.smsportal.PortalWithWorkerTest;
import com.smsportal.TestEndpoints;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.gatewayaccount.GatewayEndpoints;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantDetails;
import com.smsportal.tenant.TenantService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The send form and the job pages, with the send worker on. */
@DatabaseDependent(
    "submits at once never pass the tenant's daily limit (the tenant's row lock); the job list")
@PortalWithWorkerTest
class SendPagesIntegrationTests {

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired GatewayAccounts accounts;
  @Autowired GatewayEndpoints endpoints;
  @Autowired TenantService tenants;
  @Autowired SendJobs jobs;
  @Autowired javax.sql.DataSource dataSource;
  @Autowired com.smsportal.user.UserService users;

  MockHttpSession acme;
  long account;
  long acmeId;

  @BeforeEach
  void setUp() throws Exception {
    acme = Logins.as(mvc, "acme");
    acmeId = tenants.findByName("Acme").orElseThrow().id();
    account =
        account(
            "send-",
            TestEndpoints.simulator(port),
            GatewayCharset.UTF8,
            "101",
            "acme",
            "AcmeGw-7351");
  }

  @Test
  void aSentFormBecomesAJobThatTheWorkerSubmitsAndItsPageFollowsIt() throws Exception {
    String key = UUID.randomUUID().toString();
    MockHttpServletResponse sent = send(key, "13800138000\n13900139000", "【聚合云】您好");
    assertThat(sent.getRedirectedUrl()).startsWith("/jobs/");
    long id = Long.parseLong(sent.getRedirectedUrl().substring("/jobs/".length()));

    JobView job = waitUntilFinished(id);
    assertThat(job.count(NumberState.SUBMITTED)).isEqualTo(2);
    assertThat(job.chunks()).singleElement().satisfies(c -> assertThat(c.taskId()).isNotBlank());

    String page = html(get("/jobs/" + id));
    assertThat(page).contains("id=\"job-progress\"").contains("等待回执").contains("【聚合云】您好");
    assertThat(page).as("it waits for the receipts").contains("hx-trigger=\"every 5s\"");
    String fragment = html(get("/jobs/" + id).header("HX-Request", "true"));
    assertThat(fragment.strip()).startsWith("<div id=\"job-live\"");
    assertThat(fragment).contains("id=\"job-progress\"").contains("id=\"chunk-table\"");
    assertThat(html(get("/jobs"))).contains("/jobs/" + id);

    assertThat(html(get("/jobs/" + id + "?mobile=1390013")))
        .contains("13900139000")
        .doesNotContain(">13800138000<");
    assertThat(html(get("/jobs/" + id).param("mobile", "+86 139 0013 9000")))
        .as("a whole number is found however it is written")
        .contains("13900139000")
        .doesNotContain(">13800138000<");
    assertThat(html(get("/jobs/" + id + "?state=REJECTED"))).contains("id=\"numbers-empty\"");
    MvcResult started =
        mvc.perform(get("/jobs/" + id + "/export?state=SUBMITTED").session(acme))
            .andExpect(request().asyncStarted())
            .andReturn();
    String csv =
        mvc.perform(asyncDispatch(started))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(csv.lines().toList())
        .containsExactly("\uFEFF手机号码,状态,运营商代码,报告时间", "13800138000,已提交,,", "13900139000,已提交,,");
  }

  @Test
  void submittingTheSameFormTwiceMakesOneJob() throws Exception {
    String key = UUID.randomUUID().toString();
    String first = send(key, "13700137000", "【聚合云】一次").getRedirectedUrl();
    assertThat(html(get(first))).contains("任务已保存");
    // The browser's back button and a second press of "send": the same form, the same key.
    MockHttpServletResponse again = send(key, "13700137000", "【聚合云】一次");
    assertThat(again.getRedirectedUrl()).isEqualTo(first);
    assertThat(html(get(first))).contains("没有重复发送");
  }

  @Test
  void aRefusalIsShownNextToItsFieldAndNothingIsStored() throws Exception {
    long before = TenantContext.callAs(acmeId, () -> jobs.count());
    MockHttpServletResponse refused = send(UUID.randomUUID().toString(), "12345, abc", "【聚合云】x");
    assertThat(refused.getStatus()).isEqualTo(200);
    assertThat(refused.getContentAsString()).contains("id=\"mobiles-error\"").contains("没有有效的手机号码");
    MockHttpServletResponse badTime =
        mvc.perform(
                form(UUID.randomUUID().toString(), "13800138000", "【聚合云】x")
                    .param("sendTime", "tomorrow at noon"))
            .andReturn()
            .getResponse();
    assertThat(badTime.getContentAsString()).contains("id=\"sendTime-error\"");
    MockHttpServletResponse past =
        mvc.perform(
                form(UUID.randomUUID().toString(), "13800138000", "【聚合云】x")
                    .param("sendTime", "2020-01-01T08:00"))
            .andReturn()
            .getResponse();
    assertThat(past.getContentAsString()).contains("定时发送时间已过");
    assertThat(TenantContext.callAs(acmeId, () -> jobs.count())).isEqualTo(before);
  }

  @Test
  void blockedWordsAndATooLowBalanceAreCaughtBeforeAnythingIsStored() throws Exception {
    long before = TenantContext.callAs(acmeId, () -> jobs.count());
    String blocked =
        send(UUID.randomUUID().toString(), "13800138000", "【聚合云】六合彩开奖了").getContentAsString();
    assertThat(blocked).contains("id=\"content-error\"").contains("六合彩");

    // 200 numbers × 2 segments is more than Globex's simulator balance of 500.
    long poor =
        account(
            "poor-",
            TestEndpoints.simulator(port),
            GatewayCharset.UTF8,
            "102",
            "globex",
            "GlobexGw-4682");
    String numbers =
        java.util.stream.IntStream.range(0, 300)
            .mapToObj(i -> String.format("139%08d", i))
            .collect(java.util.stream.Collectors.joining("\n"));
    String low = sendTo(poor, numbers, "中".repeat(80));
    assertThat(low).contains("id=\"mobiles-error\"").contains("预付费余额不足").contains("600 / ");
    assertThat(TenantContext.callAs(acmeId, () -> jobs.count())).isEqualTo(before);
  }

  @Test
  void contentAGbkAccountCannotCarryIsRefusedNamingTheCharacters() throws Exception {
    long gbk =
        account(
            "gbk-",
            TestEndpoints.simulator(port),
            GatewayCharset.GBK,
            "101",
            "acme",
            "AcmeGw-7351");
    long before = TenantContext.callAs(acmeId, () -> jobs.count());
    String page = sendTo(gbk, "13800138000", "【聚合云】生日快乐🎂");
    assertThat(page).contains("id=\"content-error\"").contains("🎂").doesNotContain("??");
    assertThat(TenantContext.callAs(acmeId, () -> jobs.count())).isEqualTo(before);
  }

  @Test
  void anUnreachableGatewayIsExplainedAndNothingIsStored() throws Exception {
    long dead =
        account("dead-", "http://127.0.0.1:1", GatewayCharset.UTF8, "101", "acme", "AcmeGw-7351");
    long before = TenantContext.callAs(acmeId, () -> jobs.count());
    String page = sendTo(dead, "13800138000", "【聚合云】您好");
    assertThat(page).contains("id=\"send-refusal\"").doesNotContain("??");
    assertThat(TenantContext.callAs(acmeId, () -> jobs.count())).isEqualTo(before);
  }

  @Test
  void numbersMayComeFromAnUploadedFile() throws Exception {
    byte[] csv = "\uFEFFmobile\n13600136000\n13500135000\n".getBytes(StandardCharsets.UTF_8);
    MockHttpServletResponse sent =
        SendConfirmation.sendAndConfirm(
            mvc,
            multipart("/send")
                .file(new MockMultipartFile("file", "numbers.csv", "text/csv", csv))
                .param("accountId", Long.toString(account))
                .param("mobiles", "")
                .param("content", "【聚合云】文件")
                .param("idempotencyKey", UUID.randomUUID().toString())
                .session(acme)
                .with(csrf()),
            acme);
    long id = Long.parseLong(sent.getRedirectedUrl().substring("/jobs/".length()));
    assertThat(job(id).numberCount()).isEqualTo(2);
  }

  @Test
  void numbersMayComeFromAnUploadedSpreadsheetAndADamagedOneIsRefused() throws Exception {
    byte[] xlsx;
    try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook =
            new org.apache.poi.xssf.usermodel.XSSFWorkbook();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
      var sheet = workbook.createSheet();
      sheet.createRow(0).createCell(0).setCellValue("手机号");
      sheet.createRow(1).createCell(0).setCellValue(13600136001d);
      sheet.createRow(2).createCell(0).setCellValue("135-0013-5001");
      workbook.write(out);
      xlsx = out.toByteArray();
    }
    MockHttpServletResponse sent = upload("numbers.xlsx", xlsx);
    long id = Long.parseLong(sent.getRedirectedUrl().substring("/jobs/".length()));
    assertThat(TenantContext.callAs(acmeId, () -> jobs.numbers(id, null, null, 0, 10)))
        .extracting(NumberView::mobile)
        .containsExactly("13600136001", "13500135001");

    long before = TenantContext.callAs(acmeId, () -> jobs.count());
    byte[] broken = "PK\u0003\u0004 broken".getBytes(StandardCharsets.ISO_8859_1);
    String refused = upload("numbers.xlsx", broken).getContentAsString();
    assertThat(refused).contains("id=\"file-error\"").contains("号码文件无法读取");
    assertThat(TenantContext.callAs(acmeId, () -> jobs.count())).isEqualTo(before);
  }

  private MockHttpServletResponse upload(String name, byte[] bytes) throws Exception {
    return SendConfirmation.sendAndConfirm(
        mvc,
        multipart("/send")
            .file(new MockMultipartFile("file", name, "application/octet-stream", bytes))
            .param("accountId", Long.toString(account))
            .param("mobiles", "")
            .param("content", "【聚合云】表格")
            .param("idempotencyKey", UUID.randomUUID().toString())
            .session(acme)
            .with(csrf()),
        acme);
  }

  @Test
  void aScheduledJobWaitsAndCanBeCancelled() throws Exception {
    String later =
        java.time.LocalDateTime.now(com.smsportal.web.Times.ZONE)
            .plusHours(2)
            .withSecond(0)
            .withNano(0)
            .toString();
    MockHttpServletResponse sent =
        SendConfirmation.sendAndConfirm(
            mvc,
            form(UUID.randomUUID().toString(), "13300133000", "【聚合云】稍后").param("sendTime", later),
            acme);
    long id = Long.parseLong(sent.getRedirectedUrl().substring("/jobs/".length()));
    assertThat(html(get("/jobs/" + id))).contains("id=\"job-cancel\"");
    mvc.perform(post("/jobs/" + id + "/cancel").session(acme).with(csrf()));
    assertThat(job(id).state()).isEqualTo(JobState.CANCELLED);
  }

  private JobView waitUntilFinished(long id) {
    return await("job " + id + " finished")
        .atMost(Duration.ofSeconds(20))
        .until(() -> job(id), job -> job.state() == JobState.FINISHED);
  }

  private long account(
      String prefix,
      String baseUrl,
      GatewayCharset charset,
      String userid,
      String gatewayAccount,
      String password) {
    return TenantContext.callAs(
        acmeId,
        () ->
            accounts.ensure(
                prefix + UUID.randomUUID(),
                TestEndpoints.of(endpoints, baseUrl),
                charset,
                userid,
                gatewayAccount,
                password));
  }

  /** Submits the form with a fresh idempotency key and returns the page that comes back. */
  private String sendTo(long accountId, String mobiles, String content) throws Exception {
    return mvc.perform(
            post("/send")
                .param("accountId", Long.toString(accountId))
                .param("mobiles", mobiles)
                .param("content", content)
                .param("idempotencyKey", UUID.randomUUID().toString())
                .session(acme)
                .with(csrf()))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private JobView job(long id) {
    return TenantContext.callAs(acmeId, () -> jobs.find(id).orElseThrow());
  }

  private MockHttpServletResponse send(String key, String mobiles, String content)
      throws Exception {
    return SendConfirmation.sendAndConfirm(mvc, form(key, mobiles, content), acme);
  }

  private MockHttpServletRequestBuilder form(String key, String mobiles, String content) {
    return post("/send")
        .param("accountId", Long.toString(account))
        .param("mobiles", mobiles)
        .param("content", content)
        .param("idempotencyKey", key)
        .session(acme)
        .with(csrf());
  }

  @Test
  void theJobListShowsFiftyJobsAPageNewestFirstWithTheTotal() throws Exception {
    String name = "jobs-" + UUID.randomUUID().toString().substring(0, 8);
    long tenant = tenants.create(name).id();
    users.create(name, "a-good-password-1", com.smsportal.user.Role.TENANT_ADMIN, tenant);
    long account =
        TenantContext.callAs(
            tenant,
            () ->
                accounts.ensure(
                    name,
                    TestEndpoints.of(endpoints, "http://127.0.0.1:1"),
                    GatewayCharset.UTF8,
                    "1",
                    name,
                    "pw"));
    java.util.List<Long> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 55; i++) {
      SendOrder order =
          new SendOrder(
              account,
              "1380013" + String.format("%04d", i),
              "【聚合云】第 " + i + " 条",
              Instant.now().plus(Duration.ofDays(30)),
              "",
              UUID.randomUUID().toString());
      SubmitResult stored = TenantContext.callAs(tenant, () -> jobs.submit(order));
      assertThat(stored.refusal()).isNull();
      ids.add(stored.jobId());
    }
    MockHttpSession customer = Logins.as(mvc, name, "a-good-password-1");

    String first = as(customer, get("/jobs"));
    java.util.regex.Matcher older =
        java.util.regex.Pattern.compile("id=\"jobs-older\"[^>]*href=\"([^\"]+)\"").matcher(first);
    assertThat(older.find()).isTrue();
    String second = as(customer, get(older.group(1).replace("&amp;", "&")));

    assertThat(first).contains("共 55 个发送任务").contains("id=\"jobs-older\"");
    assertThat(first).doesNotContain("id=\"jobs-newest\"");
    assertThat(jobIds(first)).hasSize(50).first().isEqualTo(ids.get(54));
    assertThat(jobIds(first)).last().isEqualTo(ids.get(5));
    assertThat(jobIds(second))
        .containsExactly(ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0));
    assertThat(second).contains("id=\"jobs-newest\"").doesNotContain("id=\"jobs-older\"");
    TenantContext.runAs(tenant, () -> ids.forEach(jobs::cancel));
  }

  @Test
  void aTenantsSendingLimitsRefuseAJobOnTheComposePageWithTheLimitAndStoreNothing()
      throws Exception {
    // Support's limits: 5 numbers a job, 8 a day, 6 queued at once.
    LimitedTenant limits = tenantWithAccount("limits-", 5, 8L, 6L);
    String name = limits.name();
    long tenant = limits.id();
    long limited = limits.accountId();
    users.create(name, "a-good-password-1", com.smsportal.user.Role.TENANT_ADMIN, tenant);
    MockHttpSession customer = Logins.as(mvc, name, "a-good-password-1");
    String later =
        java.time.LocalDateTime.now(com.smsportal.web.Times.ZONE)
            .plusDays(30)
            .withSecond(0)
            .withNano(0)
            .toString();
    // Every number different, so that a job has exactly as many as it was given.
    java.util.concurrent.atomic.AtomicInteger next =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.function.IntFunction<MockHttpServletResponse> send =
        count -> {
          StringBuilder numbers = new StringBuilder();
          for (int i = 0; i < count; i++) {
            numbers.append(String.format("1371234%04d%n", next.incrementAndGet()));
          }
          try {
            return SendConfirmation.sendAndConfirm(
                mvc,
                post("/send")
                    .param("accountId", Long.toString(limited))
                    .param("mobiles", numbers.toString())
                    .param("content", "【聚合云】限额")
                    .param("sendTime", later)
                    .param("idempotencyKey", UUID.randomUUID().toString())
                    .session(customer)
                    .with(csrf()),
                customer);
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        };

    // The page says what may be sent before anything is.
    assertThat(as(customer, get("/send")))
        .contains("id=\"send-limits\"")
        .contains("本次最多可提交 5 个号码")
        .contains("今天还可提交 8 个");
    // The live check says so while the numbers are typed (issue 23).
    assertThat(
            as(
                customer,
                post("/send/check")
                    .param("accountId", Long.toString(limited))
                    .param(
                        "mobiles",
                        "13712340901,13712340902,13712340903,13712340904,13712340905,13712340906")
                    .param("content", "【聚合云】限额")
                    .header("HX-Request", "true")
                    .with(csrf())))
        .contains("id=\"check-over-limit\"")
        .contains("号码数 6 超过本次最多可提交的 5 个");
    MockHttpServletResponse tooMany = send.apply(6);
    assertThat(tooMany.getContentAsString())
        .contains("id=\"mobiles-error\"")
        .contains("一个任务最多可发送 5 个号码");
    String first = send.apply(4).getRedirectedUrl();
    assertThat(first).startsWith("/jobs/");
    assertThat(as(customer, get("/send")))
        .as("4 of 6 queued, 4 of 8 today")
        .contains("本次最多可提交 2 个号码")
        .contains("今天还可提交 4 个")
        .contains("还可排队 2 个");
    assertThat(send.apply(3).getContentAsString()).contains("同时排队等待发送的号码最多 6 个");
    TenantContext.runAs(
        tenant, () -> jobs.cancel(Long.parseLong(first.substring("/jobs/".length()))));
    assertThat(send.apply(3).getRedirectedUrl()).as("4 + 3 today, 3 queued").startsWith("/jobs/");
    MockHttpServletResponse overDay = send.apply(2);

    assertThat(overDay.getContentAsString()).contains("企业每天最多可提交 8 个号码");
    assertThat(TenantContext.callAs(tenant, () -> jobs.count())).isEqualTo(2);
  }

  @Test
  void submitsAtTheSameMomentTogetherNeverPassTheTenantsDailyLimit() throws Exception {
    // 3 numbers a day; 12 submits of one number each, all at once.
    LimitedTenant limited = tenantWithAccount("race-", null, 3L, null);
    long tenant = limited.id();
    long account = limited.accountId();
    int submits = 12;
    java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(submits);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(submits);
    java.util.List<java.util.concurrent.Future<com.smsportal.sending.SubmitResult>> results =
        new java.util.ArrayList<>();
    for (int i = 0; i < submits; i++) {
      String mobile = String.format("1371235%04d", i);
      results.add(
          pool.submit(
              () -> {
                together.await();
                return TenantContext.callAs(tenant, () -> jobs.submit(oneNumber(account, mobile)));
              }));
    }
    int accepted = 0;
    int refusedForTheDay = 0;
    for (java.util.concurrent.Future<com.smsportal.sending.SubmitResult> result : results) {
      com.smsportal.sending.SubmitResult r = result.get(60, java.util.concurrent.TimeUnit.SECONDS);
      if (r.accepted()) {
        accepted++;
      } else if (r.refusal() == com.smsportal.sending.SendRefusal.DAILY_LIMIT) {
        refusedForTheDay++;
      }
    }
    pool.shutdown();

    assertThat(accepted).as("jobs stored").isEqualTo(3);
    assertThat(refusedForTheDay).isEqualTo(submits - 3);
    assertThat(TenantContext.callAs(tenant, () -> jobs.count())).isEqualTo(3);
  }

  @Test
  void aSubmitWaitsItsTurnWhileAnotherJobOfTheTenantIsBeingStored() throws Exception {
    LimitedTenant limited = tenantWithAccount("turn-", null, null, null);
    long tenant = limited.id();
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newSingleThreadExecutor();
    try (java.sql.Connection storing = dataSource.getConnection()) {
      // What a large job being stored holds: the tenant's row, for seconds.
      storing.setAutoCommit(false);
      try (java.sql.PreparedStatement lock =
          storing.prepareStatement("select id from tenant where id = ? for update")) {
        lock.setLong(1, tenant);
        lock.executeQuery().close();
      }
      java.util.concurrent.Future<com.smsportal.sending.SubmitResult> waiting =
          pool.submit(
              () ->
                  TenantContext.callAs(
                      tenant, () -> jobs.submit(oneNumber(limited.accountId(), "13712360001"))));
      // Longer than H2 waits for a lock (2 s): there the database gives up and the submit waits
      // again; MariaDB waits the whole time.
      Thread.sleep(5_000);
      assertThat(waiting).as("waits behind the other job").isNotDone();
      storing.commit();

      com.smsportal.sending.SubmitResult result =
          waiting.get(60, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(result.accepted()).isTrue();
      assertThat(result.repeated()).isFalse();
    } finally {
      pool.shutdownNow();
    }
    assertThat(TenantContext.callAs(tenant, () -> jobs.count())).isEqualTo(1);
  }

  /** A tenant of one test, with its sending limits, and its gateway account on the simulator. */
  private record LimitedTenant(String name, long id, long accountId) {}

  /** A new tenant with these sending limits (null: the default) and its account. */
  private LimitedTenant tenantWithAccount(String prefix, Integer perJob, Long perDay, Long queued)
      throws Exception {
    String name = prefix + UUID.randomUUID().toString().substring(0, 8);
    long tenant = tenants.create(name).id();
    tenants.update(tenant, new TenantDetails(name, null, null, null, perJob, perDay, queued));
    com.smsportal.SimulatorControl.OpenedAccount gw =
        new com.smsportal.SimulatorControl(port).open(prefix.replace("-", ""), 1_000_000);
    long account =
        TenantContext.callAs(
            tenant,
            () ->
                accounts.ensure(
                    name,
                    TestEndpoints.of(endpoints, TestEndpoints.simulator(port)),
                    GatewayCharset.UTF8,
                    gw.userid(),
                    gw.account(),
                    gw.password()));
    return new LimitedTenant(name, tenant, account);
  }

  /** One number to a send time a month away, under a fresh idempotency key. */
  private static com.smsportal.sending.SendOrder oneNumber(long account, String mobile) {
    return com.smsportal.sending.SendOrder.of(
        account,
        java.util.List.of(mobile),
        "【聚合云】同时",
        java.time.Instant.now().plus(java.time.Duration.ofDays(30)),
        "",
        UUID.randomUUID().toString());
  }

  /** The job ids the list links to, in its order. */
  private static java.util.List<Long> jobIds(String html) {
    java.util.List<Long> found = new java.util.ArrayList<>();
    java.util.regex.Matcher link =
        java.util.regex.Pattern.compile("href=\"/jobs/(\\d+)\"").matcher(html);
    while (link.find()) {
      found.add(Long.parseLong(link.group(1)));
    }
    return found;
  }

  private String as(MockHttpSession session, MockHttpServletRequestBuilder request)
      throws Exception {
    return mvc.perform(request.session(session)).andReturn().getResponse().getContentAsString();
  }

  private String html(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.session(acme)).andReturn().getResponse().getContentAsString();
  }
}
