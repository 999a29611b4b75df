package com.smsportal.sending.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.smsportal.Logins;
import com.smsportal.PortalIntegrationTest;
import com.smsportal.TestEndpoints;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.gatewayaccount.GatewayEndpoints;
import com.smsportal.sending.NumberView;
import com.smsportal.sending.SendConfirmation;
import com.smsportal.sending.SendJobs;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Issue 23: a send is confirmed before anything is stored, the form reports every error at once,
 * and a long text is warned of and a too long one refused.
 */
@PortalIntegrationTest
class SendConfirmIntegrationTests {

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired GatewayAccounts accounts;
  @Autowired GatewayEndpoints endpoints;
  @Autowired TenantService tenants;
  @Autowired SendJobs jobs;

  MockHttpSession acme;
  long acmeId;
  long account;

  @BeforeEach
  void setUp() throws Exception {
    acme = Logins.as(mvc, "acme");
    acmeId = tenants.findByName("Acme").orElseThrow().id();
    account =
        TenantContext.callAs(
            acmeId,
            () ->
                accounts.ensure(
                    "confirm-" + UUID.randomUUID(),
                    TestEndpoints.of(endpoints, TestEndpoints.simulator(port)),
                    GatewayCharset.UTF8,
                    "101",
                    "acme",
                    "AcmeGw-7351"));
  }

  @Test
  void theFormReportsEveryErrorAtOnceNextToItsFieldAndStoresNothing() throws Exception {
    long before = jobCount();

    String page =
        response(
                form("13800138000", "【聚合云】六合彩开奖了", "2020-01-01T08:00", "12ab")
                    .file(
                        new MockMultipartFile(
                            "file", "numbers.pdf", "application/pdf", new byte[3])))
            .getContentAsString();

    assertThat(page)
        .contains("id=\"send-errors\">有 4 处需要修改")
        .contains("id=\"file-error\">号码文件“numbers.pdf”不是 CSV、TXT 或 XLSX 文件")
        .contains("id=\"content-error\">")
        .contains("六合彩")
        .contains("id=\"sendTime-error\">定时发送时间已过")
        .contains("id=\"extno-error\">扩展子号只能是 1–10 位数字")
        .doesNotContain("confirmToken");
    assertThat(jobCount()).isEqualTo(before);
  }

  @Test
  void aPastedListIsStoredOnlyWhenConfirmedAndExactlyAsShown() throws Exception {
    long before = jobCount();

    String summary =
        response(form("13800138001\n+86 139 0013 9001\n13800138001\n12345", "【聚合云】您好"))
            .getContentAsString();

    assertThat(summary)
        .contains("id=\"confirm-recipients\">2<")
        .contains("id=\"confirm-duplicates\">1<")
        .contains("id=\"confirm-invalid\">1<")
        .contains("id=\"confirm-billed\">2<")
        .contains("id=\"confirm-signature\">【聚合云】<")
        .contains("id=\"confirm-time\">立即发送<")
        .contains("id=\"confirm-balance\">当前");
    assertThat(jobCount()).as("nothing stored before the confirm").isEqualTo(before);

    String token = SendConfirmation.token(summary).orElseThrow();
    MockHttpServletResponse confirmed = SendConfirmation.confirm(mvc, token, acme);
    long id = Long.parseLong(confirmed.getRedirectedUrl().substring("/jobs/".length()));
    assertThat(numbers(id)).containsExactly("13800138001", "13900139001");

    MockHttpServletResponse again = SendConfirmation.confirm(mvc, token, acme);
    assertThat(again.getRedirectedUrl()).as("a double confirm sends once").isEqualTo("/jobs/" + id);
    assertThat(jobCount()).isEqualTo(before + 1);
  }

  @Test
  void aConfirmationIsOnlyTheUsersOwn() throws Exception {
    String summary = response(form("13800138002", "【聚合云】您好")).getContentAsString();
    String token = SendConfirmation.token(summary).orElseThrow();
    MockHttpSession globex = Logins.as(mvc, "globex");
    long before = jobCount();

    MockHttpServletResponse foreign = SendConfirmation.confirm(mvc, token, globex);

    assertThat(foreign.getContentAsString()).contains("id=\"send-refusal\">确认页已过期或不属于您");
    assertThat(jobCount()).isEqualTo(before);
  }

  @Test
  void aLongTextIsWarnedOfAndATextOverTheCapIsRefused() throws Exception {
    String longText = "【聚合云】" + "好".repeat(600);
    assertThat(response(form("13800138003", longText)).getContentAsString())
        .contains("id=\"confirm-long\">短信内容较长：605 字，每个号码按 10 条计费");
    assertThat(check(longText)).contains("id=\"check-long\"").doesNotContain("check-over-cap");

    String tooLong = "【聚合云】" + "好".repeat(1000);
    assertThat(response(form("13800138003", tooLong)).getContentAsString())
        .contains("id=\"content-error\">短信内容过长：最多 1,000 字（现为 1,005）")
        .doesNotContain("confirmToken");
    assertThat(check(tooLong)).contains("id=\"check-over-cap\"");
    assertThat(check("【聚合云】您好")).doesNotContain("check-long").doesNotContain("check-over-cap");
  }

  @Test
  void theLiveCheckNamesBlockedWords() throws Exception {
    assertThat(check("【聚合云】六合彩开奖了")).contains("id=\"check-blocked\"").contains("六合彩");
    assertThat(check("【聚合云】您好")).doesNotContain("check-blocked");
  }

  private String check(String content) throws Exception {
    return mvc.perform(
            post("/send/check")
                .param("accountId", Long.toString(account))
                .param("mobiles", "13800138000")
                .param("content", content)
                .header("HX-Request", "true")
                .session(acme)
                .with(csrf()))
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  /** The send form as the page posts it: each field once (a second param() adds a value). */
  private MockMultipartHttpServletRequestBuilder form(String mobiles, String content) {
    return form(mobiles, content, "", "");
  }

  private MockMultipartHttpServletRequestBuilder form(
      String mobiles, String content, String sendTime, String extno) {
    MockMultipartHttpServletRequestBuilder form = multipart("/send");
    form.param("accountId", Long.toString(account))
        .param("mobiles", mobiles)
        .param("content", content)
        .param("sendTime", sendTime)
        .param("extno", extno)
        .param("idempotencyKey", UUID.randomUUID().toString());
    return form;
  }

  private MockHttpServletResponse response(MockMultipartHttpServletRequestBuilder form)
      throws Exception {
    return mvc.perform(form.session(acme).with(csrf())).andReturn().getResponse();
  }

  private java.util.List<String> numbers(long jobId) {
    return TenantContext.callAs(acmeId, () -> jobs.numbers(jobId, null, null, 0, 100)).stream()
        .map(NumberView::mobile)
        .toList();
  }

  private long jobCount() {
    return TenantContext.callAs(acmeId, () -> jobs.count());
  }
}
