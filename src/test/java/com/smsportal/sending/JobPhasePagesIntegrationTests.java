package com.smsportal.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.smsportal.Logins;
import com.smsportal.PortalIntegrationTest;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Each phase a job's page can show, reached from what is stored, named in both languages: a
 * scheduled job is not "in progress", a job handed to the gateway waits for its receipts, and only
 * a job whose every number has its outcome is finished, with what was delivered, failed or is
 * unknown. The send worker is off in this context: a due job stays queued until the test cancels
 * it.
 */
@PortalIntegrationTest
class JobPhasePagesIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired SendJobs jobs;
  @Autowired GatewayAccounts accounts;
  @Autowired TenantService tenants;
  @Autowired ApplicationContext context;

  MockHttpSession acme;
  long acmeId;
  long account;
  SendFixtures fixtures;

  @BeforeEach
  void setUp() throws Exception {
    acme = Logins.as(mvc, "acme");
    acmeId = tenants.findByName("Acme").orElseThrow().id();
    account =
        TenantContext.callAs(acmeId, () -> accounts.names()).keySet().stream()
            .findFirst()
            .orElseThrow();
    fixtures = new SendFixtures(context);
  }

  @Test
  void aJobWhoseTimeHasNotComeIsScheduledWithItsTime() throws Exception {
    long job = submit(Instant.now().plus(Duration.ofMinutes(30)));
    try {
      assertThat(page(job, "zh-CN"))
          .contains(">已定时<")
          .contains("开始发送；在此之前可以修改或取消")
          .doesNotContain("进行中")
          .doesNotContain("正在按批提交给网关")
          .contains("hx-trigger=\"every 5s\"");
      assertThat(page(job, "en"))
          .contains(">Scheduled<")
          .contains("until then it may be changed or cancelled");
    } finally {
      TenantContext.callAs(acmeId, () -> jobs.cancel(job));
    }
  }

  @Test
  void aDueJobNotYetSubmittedIsSendingAndRefreshesOften() throws Exception {
    long job = submit(null);
    try {
      assertThat(page(job, "zh-CN"))
          .contains(">发送中<")
          .contains("正在按批提交给网关：已处理 0 / 2 个号码")
          .contains("hx-trigger=\"every 2s\"")
          .contains("id=\"job-cancel\"");
      assertThat(page(job, "en"))
          .contains(">Sending<")
          .contains("Being submitted to the gateway in chunks: 0 of 2 numbers handled");
    } finally {
      TenantContext.callAs(acmeId, () -> jobs.cancel(job));
    }
  }

  @Test
  void aJobHandedToTheGatewayWaitsForItsReceipts() throws Exception {
    long job = fixtures.accepted(acmeId, account, Instant.now().minusSeconds(60), 1, 0, 2);
    assertThat(page(job, "zh-CN"))
        .contains(">等待回执<")
        .contains("已全部交给网关，正在等待运营商回执：已收到 1 / 3 个号码的回执")
        .contains("等待回执 2")
        .doesNotContain(">已结束<")
        .contains("hx-trigger=\"every 5s\"");
    assertThat(page(job, "en"))
        .contains(">Waiting for receipts<")
        .contains("All handed to the gateway; waiting for the carriers to report: 1 of 3")
        .contains("2 waiting for a receipt");
  }

  @Test
  void aJobIsFinishedWithItsOutcomesOnceEveryReceiptIsIn() throws Exception {
    long job = fixtures.accepted(acmeId, account, Instant.now().minusSeconds(60), 2, 1, 0);
    assertThat(page(job, "zh-CN"))
        .contains(">已结束<")
        .contains("每个号码都已有结果")
        .contains("已送达 2")
        .contains("失败 1")
        .contains("结果不明 0")
        .contains("无法送达（如空号、停机或长时间关机）")
        .doesNotContain("hx-trigger=\"every ");
    assertThat(page(job, "en"))
        .contains(">Finished<")
        .contains("2 delivered")
        .contains("1 failed")
        .contains("0 unknown")
        .contains("could not be delivered (e.g. a number not in service");
  }

  @Test
  void aDayAfterItsLastSubmitAJobIsFinishedWithTheReportlessNumbersUnknown() throws Exception {
    long job =
        fixtures.accepted(acmeId, account, Instant.now().minus(Duration.ofHours(25)), 1, 0, 2);
    assertThat(page(job, "zh-CN"))
        .contains(">已结束<")
        .contains("结果不明 2")
        .contains("提交后一天内没有收到运营商回执")
        .contains(">未收到回执<")
        .doesNotContain("hx-trigger=\"every ");
    assertThat(page(job, "en"))
        .contains(">Finished<")
        .contains("2 unknown")
        .contains("no carrier report came within a day")
        .contains(">No receipt<");
  }

  @Test
  void aJobCancelledBeforeItsTimeIsCancelledAndNoLongerRefreshes() throws Exception {
    long job = submit(Instant.now().plus(Duration.ofMinutes(30)));
    TenantContext.callAs(acmeId, () -> jobs.cancel(job));
    assertThat(page(job, "zh-CN"))
        .contains(">已取消<")
        .contains("任务在提交前已取消，没有号码交给网关")
        .doesNotContain("id=\"job-cancel\"")
        .doesNotContain("hx-trigger=\"every ");
    assertThat(page(job, "en"))
        .contains(">Cancelled<")
        .contains("Cancelled before any chunk was submitted");
  }

  @Test
  void theBilledSegmentsAreExplainedInWords() throws Exception {
    long job = fixtures.accepted(acmeId, account, Instant.now().minusSeconds(60), 3, 0, 0);
    assertThat(page(job, "zh-CN")).contains("3 个号码 × 每个号码 1 条 = 计费 3 条");
    assertThat(page(job, "en")).contains("3 numbers × 1 segment(s) each = 3 billed segments");
  }

  /**
   * A job of more chunks than a page lists (issue 27: 1,000 for 1,000,000 numbers) shows them
   * counted per state, those needing attention first with their actions, then all in order a page
   * at a time; its phase is read from the counts.
   */
  @Test
  void aJobOfManyChunksShowsThemCountedWithTheProblemsFirstAndPaged() throws Exception {
    List<ChunkState> states = new java.util.ArrayList<>();
    for (int i = 0; i < 57; i++) {
      states.add(i == 55 || i == 56 ? ChunkState.UNKNOWN : ChunkState.SUBMITTED);
    }
    states.add(ChunkState.REJECTED);
    long job = fixtures.chunked(acmeId, account, Instant.now().minusSeconds(60), states);
    String zh = page(job, "zh-CN", "");
    assertThat(zh)
        .contains(">等待回执<")
        .contains("共 58 个批次：")
        .contains("已提交 55")
        .contains("结果不明 2")
        .contains("被拒绝 1")
        .contains("需要处理的批次");
    assertThat(rows(table(zh, "chunk-problems"), 1))
        .containsExactly("UNKNOWN", "UNKNOWN", "REJECTED");
    assertThat(table(zh, "chunk-problems")).contains("/resend");
    assertThat(rows(table(zh, "chunk-table"), 2)).hasSize(50).startsWith("1").endsWith("50");
    assertThat(zh).contains("id=\"chunks-next\"").contains("chunkAfter=50");
    String second = page(job, "zh-CN", "&chunkAfter=50");
    assertThat(rows(table(second, "chunk-table"), 2))
        .containsExactly("51", "52", "53", "54", "55", "56", "57", "58");
    assertThat(second).contains("id=\"chunks-first\"").doesNotContain("id=\"chunks-next\"");
    // A whole number is found by equality on its index, however typed; a part of one still by
    // substring; with a state, only in that state.
    assertThat(
            numberRows(
                mvc.perform(get("/jobs/" + job).param("mobile", "+86 137 0000 0057").session(acme))
                    .andReturn()
                    .getResponse()
                    .getContentAsString()))
        .isEqualTo(1);
    assertThat(page(job, "zh-CN", "&mobile=13700000057")).contains(">13700000057<");
    assertThat(numberRows(page(job, "zh-CN", "&mobile=0005"))).isEqualTo(10);
    assertThat(numberRows(page(job, "zh-CN", "&mobile=13700000057&state=UNKNOWN"))).isEqualTo(1);
    assertThat(page(job, "zh-CN", "&mobile=13700000057&state=REJECTED")).contains("numbers-empty");
    assertThat(page(job, "en", ""))
        .contains("58 chunks:")
        .contains("Submitted 55")
        .contains("Chunks needing attention")
        .contains("All chunks, in order, a page at a time");
  }

  private static long numberRows(String html) {
    return html.split("<tr data-number-state=", -1).length - 1;
  }

  /** The HTML of the table with this id. */
  private static String table(String html, String id) {
    String from = html.substring(html.indexOf("id=\"" + id + "\""));
    return from.substring(0, from.indexOf("</table>"));
  }

  /** Of each chunk row: its state (group 1) or its sequence number (group 2). */
  private static List<String> rows(String table, int group) {
    return java.util.regex.Pattern.compile("<tr data-chunk-state=\"(\\w+)\">\\s*<td>(\\d+)</td>")
        .matcher(table)
        .results()
        .map(m -> m.group(group))
        .toList();
  }

  private String page(long job, String language, String query) throws Exception {
    return mvc.perform(get("/jobs/" + job + "?lang=" + language + query).session(acme))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private long submit(Instant sendTime) {
    String prefix = "135" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    SubmitResult result =
        TenantContext.callAs(
            acmeId,
            () ->
                jobs.submit(
                    SendOrder.of(
                        account,
                        List.of(prefix + "01", prefix + "02"),
                        "【聚合云】阶段",
                        sendTime,
                        "",
                        UUID.randomUUID().toString())));
    assertThat(result.refusal()).isNull();
    return result.jobId();
  }

  private String page(long job, String language) throws Exception {
    return mvc.perform(get("/jobs/" + job).param("lang", language).session(acme))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
