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
import com.smsportal.SimulatorControl;
import com.smsportal.TestEndpoints;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.gatewayaccount.GatewayEndpoints;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Personalised sends end to end (issue 24): content with {@code ${name}} placeholders, a
 * spreadsheet whose columns fill them, the confirmation, the worker's calls to the simulator (one
 * per distinct text and chunk, each with its own text) and the job page and CSV with each number's
 * text; and every refusal, next to its field, with nothing stored.
 */
@DatabaseDependent(
    "a personalised job and each rendered text stored in one transaction, once per key")
@PortalWithWorkerTest
class PersonalSendIntegrationTests {

  private static final String TEMPLATE = "【聚合云】${name}您好，您的券码 ${code}。";

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired GatewayAccounts accounts;
  @Autowired GatewayEndpoints endpoints;
  @Autowired TenantService tenants;
  @Autowired SendJobs jobs;
  @Autowired JdbcTemplate jdbc;

  MockHttpSession acme;
  long acmeId;
  long account;

  /** Five numbers no other test sends to. */
  List<String> m;

  @BeforeEach
  void setUp() throws Exception {
    acme = Logins.as(mvc, "acme");
    acmeId = tenants.findByName("Acme").orElseThrow().id();
    SimulatorControl.OpenedAccount gw = new SimulatorControl(port).open("psend", 100_000);
    account =
        TenantContext.callAs(
            acmeId,
            () ->
                accounts.ensure(
                    "psend-" + UUID.randomUUID(),
                    TestEndpoints.of(endpoints, TestEndpoints.simulator(port)),
                    GatewayCharset.UTF8,
                    gw.userid(),
                    gw.account(),
                    gw.password()));
    long base = 13_900_000_000L + ThreadLocalRandom.current().nextLong(9_999_999L) * 10;
    m = List.of(n(base + 1), n(base + 2), n(base + 3), n(base + 4), n(base + 5));
  }

  @Test
  void fiveRecipientsWithThreeDistinctTextsAreThreeSendCallsEachWithItsTextAndNumbers()
      throws Exception {
    String sheet =
        "mobile,name,code\n"
            + m.get(0)
            + ",张三,A1\n"
            + m.get(1)
            + ",李四,B2\n"
            + m.get(2)
            + ",张三,A1\n"
            + m.get(3)
            + ",李四,B2\n"
            + m.get(4)
            + ",王五,C3\n";
    String key = UUID.randomUUID().toString();
    String confirm = page(form(sheet, TEMPLATE, key));
    assertThat(confirm).contains("id=\"confirm-texts\">3<").contains("id=\"confirm-calls\">3<");
    assertThat(confirm)
        .contains("id=\"confirm-recipients\">5<")
        .contains("【聚合云】张三您好，您的券码 A1。")
        .contains("【聚合云】李四您好，您的券码 B2。")
        .contains("【聚合云】王五您好，您的券码 C3。");
    String token = SendConfirmation.token(confirm).orElseThrow();

    MockHttpServletResponse sent = SendConfirmation.confirm(mvc, token, acme);
    long id = jobId(sent);
    JobView job =
        await("job finished")
            .atMost(Duration.ofSeconds(20))
            .until(() -> job(id), j -> j.state() == JobState.FINISHED);
    assertThat(job.personalised()).isTrue();
    assertThat(job.chunks()).hasSize(3);
    assertThat(job.totalSegments()).isEqualTo(5);

    Map<String, List<String>> calls = callsTo(m);
    assertThat(calls)
        .containsOnly(
            Map.entry("【聚合云】张三您好，您的券码 A1。", List.of(m.get(0), m.get(2))),
            Map.entry("【聚合云】李四您好，您的券码 B2。", List.of(m.get(1), m.get(3))),
            Map.entry("【聚合云】王五您好，您的券码 C3。", List.of(m.get(4))));
    assertThat(new SimulatorTasks(port).all().stream().filter(t -> m.containsAll(t.mobiles())))
        .as("exactly three send calls")
        .hasSize(3);

    // The same confirmation again (back button, double click): the same job, nothing sent again.
    assertThat(SendConfirmation.confirm(mvc, token, acme).getRedirectedUrl())
        .isEqualTo("/jobs/" + id);
    assertThat(page(form(sheet, TEMPLATE, key))).doesNotContain("confirmToken");
    assertThat(new SimulatorTasks(port).all().stream().filter(t -> m.containsAll(t.mobiles())))
        .hasSize(3);

    String jobPage = html(get("/jobs/" + id));
    assertThat(jobPage).contains("id=\"job-personalised\"").doesNotContain("id=\"job-edit\"");
    assertThat(rowOf(jobPage, m.get(4))).contains("【聚合云】王五您好，您的券码 C3。");
    assertThat(rowOf(jobPage, m.get(1))).contains("【聚合云】李四您好，您的券码 B2。");
    assertThat(exportOf(id))
        .contains("\uFEFF手机号码,状态,运营商代码,报告时间,内容")
        .contains(m.get(0) + ",已提交,,,【聚合云】张三您好，您的券码 A1。")
        .contains(m.get(4) + ",已提交,,,【聚合云】王五您好，您的券码 C3。");
  }

  @Test
  void theLiveCheckReadsTheSpreadsheetAndShowsCallsAndSamples() throws Exception {
    String sheet = "手机号,name,code\n" + m.get(0) + ",甲,1\n" + m.get(1) + ",乙,1\n";
    String check =
        mvc.perform(
                multipart("/send/check")
                    .file(csv(sheet))
                    .param("accountId", Long.toString(account))
                    .param("content", TEMPLATE)
                    .session(acme)
                    .with(csrf()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(check)
        .contains("id=\"check-personal-recipients\">2<")
        .contains("id=\"check-personal-texts\">2<")
        .contains("id=\"check-personal-calls\">2<")
        .contains("【聚合云】甲您好，您的券码 1。")
        .contains("<code>${name}</code>");
  }

  @Test
  void aRowWithAMissingValueRefusesTheSendWithTheCountAndLinesOrIsSkippedByChoice()
      throws Exception {
    String sheet =
        "mobile,name,code\n"
            + m.get(0)
            + ",张三,A1\n"
            + m.get(1)
            + ",,B2\n"
            + m.get(2)
            + ",王五,C3\n"
            + m.get(3)
            + ",赵六,\n";
    long before = count();
    String refused = page(form(sheet, TEMPLATE, UUID.randomUUID().toString()));
    assertThat(refused)
        .contains("id=\"file-error\"")
        .contains("2 行缺少占位符的值：第 3、5 行等")
        .doesNotContain("confirmToken");
    assertThat(count()).isEqualTo(before);

    MockMultipartHttpServletRequestBuilder skip =
        form(sheet, TEMPLATE, UUID.randomUUID().toString());
    skip.param("missing", "skip");
    String confirm = page(skip);
    assertThat(confirm).contains("id=\"confirm-recipients\">2<").contains("已跳过 2 行");
    long id =
        jobId(SendConfirmation.confirm(mvc, SendConfirmation.token(confirm).orElseThrow(), acme));
    assertThat(TenantContext.callAs(acmeId, () -> jobs.numbers(id, null, null, 0, 10)))
        .extracting(NumberView::mobile)
        .containsExactlyInAnyOrder(m.get(0), m.get(2));
  }

  @Test
  void anUnknownOrBadPlaceholderIsRefusedNextToTheContentAndNothingIsStored() throws Exception {
    String sheet = "mobile,name\n" + m.get(0) + ",张三\n";
    long before = count();
    long staged = staged();

    String unknown = page(form(sheet, "【聚合云】${name}，券码 ${coupon}", UUID.randomUUID().toString()));
    assertThat(unknown).contains("id=\"content-error\"").contains("表格中没有与占位符 coupon 同名的列");

    String bad = page(form(sheet, "【聚合云】${na me}您好", UUID.randomUUID().toString()));
    assertThat(bad).contains("id=\"content-error\"").contains("第 6 个字符处的占位符 ${na me} 名称无效");

    String unclosed = page(form(sheet, "【聚合云】${name您好", UUID.randomUUID().toString()));
    assertThat(unclosed).contains("id=\"content-error\"").contains("第 6 个字符处的占位符没有闭合");

    String noSheet =
        page(
            multipart("/send")
                .param("accountId", Long.toString(account))
                .param("mobiles", m.get(0))
                .param("content", TEMPLATE)
                .param("idempotencyKey", UUID.randomUUID().toString())
                .session(acme)
                .with(csrf()));
    assertThat(noSheet).contains("id=\"file-error\"").contains("或上传填写占位符的表格");

    assertThat(count()).isEqualTo(before);
    assertThat(staged()).as("nothing staged by a refusal").isEqualTo(staged);
  }

  @Test
  void aScheduledPersonalisedJobsContentCannotBeEditedAndThePageSaysWhy() throws Exception {
    String later =
        java.time.LocalDateTime.now(com.smsportal.web.Times.ZONE)
            .plusHours(2)
            .withSecond(0)
            .withNano(0)
            .toString();
    MockMultipartHttpServletRequestBuilder scheduled =
        form("mobile,name,code\n" + m.get(0) + ",甲,1\n", TEMPLATE, UUID.randomUUID().toString());
    scheduled.param("sendTime", later);
    long id = jobId(SendConfirmation.sendAndConfirm(mvc, scheduled, acme));
    assertThat(html(get("/jobs/" + id)))
        .contains("id=\"job-personalised\"")
        .contains("id=\"job-cancel\"")
        .doesNotContain("id=\"job-edit\"");

    MockHttpServletResponse edit =
        mvc.perform(
                post("/jobs/" + id + "/edit")
                    .param("content", "【聚合云】改了")
                    .param("sendTime", later)
                    .param("extno", "")
                    .param("version", "0")
                    .session(acme)
                    .with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(html(get(edit.getRedirectedUrl())))
        .contains("id=\"job-edit-refusal\"")
        .contains("个性化发送的内容已按每个号码生成，不能修改");
    assertThat(job(id).content()).isEqualTo(TEMPLATE);
  }

  private MockMultipartHttpServletRequestBuilder form(String sheet, String content, String key) {
    MockMultipartHttpServletRequestBuilder form = multipart("/send").file(csv(sheet));
    form.param("accountId", Long.toString(account))
        .param("mobiles", "")
        .param("content", content)
        .param("idempotencyKey", key)
        .session(acme)
        .with(csrf());
    return form;
  }

  private static MockMultipartFile csv(String sheet) {
    return new MockMultipartFile(
        "file", "recipients.csv", "text/csv", sheet.getBytes(StandardCharsets.UTF_8));
  }

  /** What the simulator received for these numbers: each content with its numbers. */
  private Map<String, List<String>> callsTo(List<String> mobiles) throws Exception {
    return new SimulatorTasks(port)
        .all().stream()
            .filter(t -> mobiles.containsAll(t.mobiles()))
            .collect(
                Collectors.toMap(
                    SimulatorTasks.Task::content, t -> t.mobiles().stream().sorted().toList()));
  }

  private String exportOf(long id) throws Exception {
    MvcResult started =
        mvc.perform(get("/jobs/" + id + "/export").session(acme))
            .andExpect(request().asyncStarted())
            .andReturn();
    return mvc.perform(asyncDispatch(started))
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  /** The job page's table row of this number. */
  private static String rowOf(String html, String mobile) {
    int at = html.indexOf(">" + mobile + "<");
    assertThat(at).as("row of " + mobile).isPositive();
    return html.substring(at, html.indexOf("</tr>", at));
  }

  private long jobId(MockHttpServletResponse sent) {
    assertThat(sent.getRedirectedUrl()).startsWith("/jobs/");
    return Long.parseLong(sent.getRedirectedUrl().substring("/jobs/".length()));
  }

  private JobView job(long id) {
    return TenantContext.callAs(acmeId, () -> jobs.find(id).orElseThrow());
  }

  private long staged() {
    return jdbc.queryForObject("select count(*) from send_staged", Long.class);
  }

  private long count() {
    return TenantContext.callAs(acmeId, () -> jobs.count());
  }

  private String page(org.springframework.test.web.servlet.RequestBuilder request)
      throws Exception {
    return mvc.perform(request).andReturn().getResponse().getContentAsString();
  }

  private String html(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
      throws Exception {
    return mvc.perform(request.session(acme)).andReturn().getResponse().getContentAsString();
  }

  private static String n(long number) {
    return Long.toString(number);
  }
}
