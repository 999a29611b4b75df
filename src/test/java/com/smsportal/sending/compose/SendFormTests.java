package com.smsportal.sending.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import com.smsportal.audit.AuditLog;
import com.smsportal.contacts.ContactGroups;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayAccountView;
import com.smsportal.gatewayaccount.RotationState;
import com.smsportal.sending.OptOuts;
import com.smsportal.sending.SendJobs;
import com.smsportal.sending.SendRefusal;
import com.smsportal.sending.SubmitResult;
import com.smsportal.sending.store.NumberFlood;
import com.smsportal.templates.Signatures;
import com.smsportal.templates.Templates;
import com.smsportal.tenant.TenantService;
import com.smsportal.web.Links;
import com.smsportal.web.Times;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * {@code POST /send} refused: each reason shown where the customer looks for it, next to its field
 * or above the form, and no job asked for when the form itself is refused. The controller and its
 * page only, the services mocked; what is then stored, and what the gateway says, is for {@link
 * SendPagesIntegrationTests} and {@link SendJobIntegrationTests}.
 */
@WebMvcTest(SendController.class)
@Import({
  Times.class,
  Links.class,
  SendReview.class,
  RecipientLimits.class,
  PersonalReview.class,
  PersonalCheck.class,
  ComposeSources.class,
  ComposeConfiguration.class
})
class SendFormTests {

  static final long ACCOUNT = 3;

  @Autowired MockMvc mvc;

  @MockitoBean SendJobs jobs;
  @MockitoBean SendPreflight preflight;
  @MockitoBean Compose compose;
  @MockitoBean OptOuts optOuts;
  @MockitoBean Signatures signatures;
  // Templates and contact groups (issue 24): none offered, none chosen in these tests.
  @MockitoBean Templates templates;
  @MockitoBean ContactGroups contactGroups;
  @MockitoBean StagedSends staged;
  // The flood limits per number (issue 26): no number at its limit in these tests.
  @MockitoBean NumberFlood flood;
  // What the slice's other web configuration (the staff's "view as") needs.
  @MockitoBean AuditLog audit;
  @MockitoBean TenantService tenants;

  @BeforeEach
  void anAccountToSendFrom() {
    given(compose.accounts()).willReturn(List.of(account()));
    given(compose.analyse(any(), any(), any()))
        .willAnswer(call -> ComposeAnalysis.of(call.getArgument(1), call.getArgument(2)));
    given(optOuts.optedOut(any())).willReturn(Set.of());
    given(preflight.verdict(anyLong(), any(), anyLong()))
        .willReturn(new SendPreflight.Verdict(List.of(), null));
    given(staged.stage(any())).willReturn("staged-token");
    given(staged.find("staged-token"))
        .willReturn(
            Optional.of(
                new StagedSends.StagedSend(
                    ACCOUNT, "【聚合云】您好", null, "", "key-1", List.of("13800138000"))));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "NO_IDEMPOTENCY_KEY|send-refusal|表单已过期，请刷新页面后重新提交。",
        "NO_VALID_NUMBER|mobiles-error|没有有效的手机号码，未发送。",
        "EMPTY_CONTENT|content-error|短信内容为空，未发送。",
        "CONTENT_TOO_LONG|content-error|短信内容过长（最多 2000 字），未发送。",
        "BAD_EXTNO|extno-error|扩展子号只能是 1–10 位数字，未发送。",
        "EXTNO_NOT_SUPPORTED|extno-error|此网关账号不支持扩展子号，未发送。",
        "SEND_TIME_PAST|sendTime-error|定时发送时间已过，请选择将来的时间。",
        "NO_SUCH_ACCOUNT|send-refusal|找不到此网关账号，未发送。",
        "ACCOUNT_INACTIVE|send-refusal|此网关账号已停用，不能发送。",
        "TENANT_SUSPENDED|send-refusal|企业已被暂停，不能发送。",
        "ROTATION_IN_DOUBT|send-refusal|此网关账号正在更换密码或更换结果待核对，暂不能发送。",
        "ALL_OPTED_OUT|mobiles-error|所有有效号码都在退订名单中，未发送。"
      })
  void eachRefusalOfTheJobIsShownWhereItBelongs(SendRefusal refusal, String shownAt, String message)
      throws Exception {
    given(jobs.submit(any())).willReturn(SubmitResult.refused(refusal));
    assertThat(send(form()).getContentAsString())
        .as("the confirmation page, nothing asked of the store yet")
        .contains("name=\"confirmToken\" value=\"staged-token\"");
    verify(jobs, never()).submit(any());

    MockHttpServletResponse page = send(confirm());

    assertThat(page.getStatus()).isEqualTo(200);
    assertThat(page.getContentAsString()).contains("id=\"" + shownAt + "\">" + message + "<");
  }

  @Test
  void aSendTimeThatIsNoTimeIsShownNextToItAndNoJobIsAskedFor() throws Exception {
    String page = send(form("sendTime", "tomorrow at noon")).getContentAsString();

    assertThat(page).contains("id=\"sendTime-error\">定时发送时间格式不正确，未发送。<");
    verify(jobs, never()).submit(any());
  }

  @Test
  void aFileTooLargeIsShownAboveTheFormAndNoJobIsAskedFor() throws Exception {
    byte[] large = new byte[SendController.MAX_FILE_BYTES + 1];

    String page =
        send(form().file(new MockMultipartFile("file", "numbers.txt", "text/plain", large)))
            .getContentAsString();

    assertThat(page).contains("id=\"file-error\">号码文件过大（最大 2 MB），未发送。<");
    verify(jobs, never()).submit(any());
  }

  @Test
  void noAccountChosenIsShownAboveTheFormAndNoJobIsAskedFor() throws Exception {
    String page = send(form("accountId", "")).getContentAsString();

    assertThat(page).contains("id=\"send-refusal\">找不到此网关账号，未发送。<");
    verify(jobs, never()).submit(any());
  }

  @Test
  void numbersThatAreAllOptedOutAreShownNextToTheNumbersBeforeTheGatewayIsAsked() throws Exception {
    given(optOuts.optedOut(any())).willAnswer(call -> Set.copyOf(call.getArgument(0)));

    String page = send(form()).getContentAsString();

    assertThat(page).contains("id=\"mobiles-error\">所有有效号码都在退订名单中，未发送。<");
    verify(preflight, never()).verdict(anyLong(), anyString(), anyLong());
    verify(jobs, never()).submit(any());
  }

  @Test
  void whatTheGatewayObjectsToIsShownNextToItsFieldWithItsFigures() throws Exception {
    given(preflight.verdict(eq(ACCOUNT), anyString(), anyLong()))
        .willReturn(
            new SendPreflight.Verdict(
                List.of(new SendPreflight.Objection("mobiles", "send.error.balance", "600 / 500")),
                500L));

    String page = send(form()).getContentAsString();

    assertThat(page)
        .contains("id=\"mobiles-error\">预付费余额不足：预计扣费 / 当前余额为 600 / 500。请充值或减少号码后再发送，未发送。<");
    verify(jobs, never()).submit(any());
  }

  // ---- support

  /** A form that would be sent, then the overrides (a later value replaces an earlier one). */
  private static MockMultipartHttpServletRequestBuilder form(String... overrides) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("accountId", String.valueOf(ACCOUNT));
    fields.put("mobiles", "13800138000");
    fields.put("content", "【聚合云】您好");
    fields.put("sendTime", "");
    fields.put("extno", "");
    fields.put("idempotencyKey", UUID.randomUUID().toString());
    for (int i = 0; i < overrides.length; i += 2) {
      fields.put(overrides[i], overrides[i + 1]);
    }
    MockMultipartHttpServletRequestBuilder form = multipart("/send");
    fields.forEach(form::param);
    return form;
  }

  /** The confirmation page's confirm button. */
  private static MockMultipartHttpServletRequestBuilder confirm() {
    MockMultipartHttpServletRequestBuilder form = multipart("/send");
    form.param("confirmToken", "staged-token");
    return form;
  }

  private MockHttpServletResponse send(MockMultipartHttpServletRequestBuilder form)
      throws Exception {
    return mvc.perform(form.with(user("acme").roles("TENANT_ADMIN")).with(csrf()))
        .andReturn()
        .getResponse();
  }

  private static GatewayAccountView account() {
    return new GatewayAccountView(
        ACCOUNT,
        41,
        "聚合云",
        7,
        "聚合云",
        GatewayCharset.UTF8,
        "10001",
        "acme-gw",
        1000,
        true,
        true,
        null,
        Instant.EPOCH,
        Instant.EPOCH,
        RotationState.NONE,
        null,
        null,
        true);
  }
}
