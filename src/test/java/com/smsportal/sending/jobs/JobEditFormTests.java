package com.smsportal.sending.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.smsportal.audit.AuditLog;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayAccountView;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.gatewayaccount.RotationState;
import com.smsportal.sending.ChunkState;
import com.smsportal.sending.ChunkView;
import com.smsportal.sending.JobState;
import com.smsportal.sending.JobView;
import com.smsportal.sending.NumberState;
import com.smsportal.sending.SendJobs;
import com.smsportal.sending.compose.SendPreflight;
import com.smsportal.sending.store.JobEdits;
import com.smsportal.templates.Signatures;
import com.smsportal.tenant.TenantService;
import com.smsportal.web.Links;
import com.smsportal.web.Times;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * {@code POST /jobs/{id}/edit} refused: each reason shown on the job's page the refusal leads back
 * to, next to its field or above the job, and the job left alone. The two controllers and the page
 * only, the services mocked; the edits the stored job then has are {@link
 * JobEditIntegrationTests}'.
 */
@WebMvcTest({JobEditController.class, JobController.class})
@Import({Times.class, Links.class})
class JobEditFormTests {

  static final long JOB = 12;
  static final long ACCOUNT = 3;
  static final String CONTENT = "【聚合云】明天见";

  @Autowired MockMvc mvc;

  @MockitoBean SendJobs jobs;
  @MockitoBean Signatures signatures;
  @MockitoBean JobEdits edits;
  @MockitoBean SendPreflight preflight;
  @MockitoBean GatewayAccounts accounts;
  @MockitoBean AuditLog audit;
  // What the slice's other web configuration (the staff's "view as") needs.
  @MockitoBean TenantService tenants;

  @BeforeEach
  void aScheduledJob() {
    // The page's reads run together, in one transaction of the real SendJobs.
    willAnswer(
            call -> {
              call.<Runnable>getArgument(0).run();
              return null;
            })
        .given(jobs)
        .together(any());
    given(jobs.summary(JOB))
        .willReturn(Optional.of(scheduled(Instant.now().plus(Duration.ofDays(1)))));
    given(accounts.find(ACCOUNT)).willReturn(Optional.of(account(true)));
    given(accounts.list()).willReturn(List.of(account(true)));
  }

  @Test
  void contentTheRulesRefuseIsShownNextToTheContent() throws Exception {
    assertThat(edit(" ", later(), "")).contains("id=\"edit-content-error\">短信内容为空，未发送。<");
    verify(edits, never()).edit(anyLong(), anyInt(), any(), any(), any());
  }

  @Test
  void aBadExtensionIsShownNextToTheExtension() throws Exception {
    assertThat(edit(CONTENT, later(), "12a"))
        .contains("id=\"edit-extno-error\">扩展子号只能是 1–10 位数字，未发送。<");

    given(accounts.find(ACCOUNT)).willReturn(Optional.of(account(false)));
    assertThat(edit(CONTENT, later(), "12")).contains("id=\"edit-extno-error\">此网关账号不支持扩展子号，未发送。<");
    verify(edits, never()).edit(anyLong(), anyInt(), any(), any(), any());
  }

  @Test
  void aSendTimePastOrNoTimeAtAllIsShownNextToTheSendTime() throws Exception {
    assertThat(edit(CONTENT, "2020-01-01T08:00", ""))
        .contains("id=\"edit-sendTime-error\">定时发送时间已过，请选择将来的时间。<");
    assertThat(edit(CONTENT, "tomorrow at noon", ""))
        .contains("id=\"edit-sendTime-error\">定时发送时间格式不正确，未发送。<");
    verify(edits, never()).edit(anyLong(), anyInt(), any(), any(), any());
  }

  @Test
  void whatTheGatewayObjectsToIsShownNextToTheContentOrAboveTheJob() throws Exception {
    given(preflight.check(eq(ACCOUNT), eq("【聚合云】六合彩"), anyLong()))
        .willReturn(
            Optional.of(new SendPreflight.Objection("content", "send.error.balance", "9 / 1")));
    given(preflight.check(eq(ACCOUNT), eq(CONTENT), anyLong()))
        .willReturn(
            Optional.of(new SendPreflight.Objection("mobiles", "send.error.balance", "600 / 500")));

    assertThat(edit("【聚合云】六合彩", later(), ""))
        .contains("id=\"edit-content-error\">预付费余额不足：预计扣费 / 当前余额为 9 / 1。");
    assertThat(edit(CONTENT, later(), ""))
        .contains("id=\"job-edit-refusal\">预付费余额不足：预计扣费 / 当前余额为 600 / 500。");
    verify(edits, never()).edit(anyLong(), anyInt(), any(), any(), any());
  }

  @Test
  void aJobChangedMeanwhileOrStartedIsSaidAboveTheJob() throws Exception {
    given(edits.edit(eq(JOB), anyInt(), anyString(), any(), anyString()))
        .willReturn(JobEdits.Outcome.CHANGED_MEANWHILE);
    assertThat(edit(CONTENT, later(), ""))
        .contains("id=\"job-edit-refusal\">任务在你打开页面后已被修改，没有保存你的更改。");

    given(edits.edit(eq(JOB), anyInt(), anyString(), any(), anyString()))
        .willThrow(new OptimisticLockingFailureException("a chunk was claimed meanwhile"));
    assertThat(edit(CONTENT, later(), ""))
        .contains("id=\"job-edit-refusal\">任务已经开始发送、已取消或已到发送时间，不能再修改；没有做任何更改。<");
  }

  @Test
  void aJobWhoseTimeHasComeIsNotEditedAtAll() throws Exception {
    given(jobs.summary(JOB))
        .willReturn(Optional.of(scheduled(Instant.now().minus(Duration.ofMinutes(1)))));

    assertThat(edit(CONTENT, later(), ""))
        .contains("id=\"job-edit-refusal\">任务已经开始发送、已取消或已到发送时间，不能再修改；没有做任何更改。<");
    verify(edits, never()).edit(anyLong(), anyInt(), any(), any(), any());
  }

  // ---- support

  /** Posts the edit, then shows the job's page the answer leads to, as the browser does. */
  private String edit(String content, String sendTime, String extno) throws Exception {
    MvcResult answer =
        mvc.perform(
                post("/jobs/" + JOB + "/edit")
                    .param("content", content)
                    .param("sendTime", sendTime)
                    .param("extno", extno)
                    .param("version", "0")
                    .with(customer())
                    .with(csrf()))
            .andReturn();
    assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo("/jobs/" + JOB);
    return mvc.perform(get("/jobs/" + JOB).flashAttrs(answer.getFlashMap()).with(customer()))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private static RequestPostProcessor customer() {
    return user("acme").roles("SENDER");
  }

  private static String later() {
    return LocalDateTime.now(Times.ZONE).plusHours(2).truncatedTo(ChronoUnit.MINUTES).toString();
  }

  private static JobView scheduled(Instant sendTime) {
    ChunkView queued =
        new ChunkView(
            1,
            0,
            ChunkState.QUEUED,
            1,
            0,
            sendTime,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    return new JobView(
        JOB,
        ACCOUNT,
        CONTENT,
        sendTime,
        "",
        JobState.OPEN,
        1,
        1,
        1,
        Instant.now(),
        "acme",
        0,
        0,
        Map.of(NumberState.QUEUED, 1L),
        List.of(queued));
  }

  private static GatewayAccountView account(boolean extnoSupported) {
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
        extnoSupported,
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
