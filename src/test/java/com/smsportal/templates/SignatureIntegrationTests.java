package com.smsportal.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.smsportal.DatabaseDependent;
import com.smsportal.Logins;
import com.smsportal.PortalIntegrationTest;
import com.smsportal.TestEndpoints;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.gatewayaccount.GatewayEndpoints;
import com.smsportal.sending.SendJobs;
import com.smsportal.sending.SendOrder;
import com.smsportal.sending.SendRefusal;
import com.smsportal.sending.SubmitResult;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import com.smsportal.user.UserService;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Signatures: a customer applies, support decides, and sends then must start with one (issue 24).
 */
@DatabaseDependent(
    "the V36 migrations (signatures, templates, review switch) on each database; a signature's"
        + " unique key per tenant")
@PortalIntegrationTest
class SignatureIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TenantService tenants;
  @Autowired UserService users;
  @Autowired JdbcTemplate jdbc;
  @Autowired SendJobs jobs;
  @Autowired GatewayAccounts accounts;
  @Autowired GatewayEndpoints endpoints;

  FreshTenant tenant;
  MockHttpSession support;

  @BeforeEach
  void setUp() throws Exception {
    tenant = FreshTenant.create(mvc, tenants, users);
    support = Logins.as(mvc, "support");
  }

  @Test
  void aBadSignatureIsRefusedNextToItsFieldAndNothingIsStored() throws Exception {
    for (String bad : new String[] {"【A】", "【十三个字符十三个字符十三个】", "【A${x}】", " "}) {
      String html = body(post("/signatures").param("text", bad));
      assertThat(html).as(bad).contains("id=\"text-error\"");
    }
    String html = body(post("/signatures").param("text", "【A】"));
    assertThat(html).contains("签名括号内须为 2–12 个字符");
    assertThat(signatureCount()).isZero();
  }

  @Test
  void staffViewingTheTenantCanNeitherApplyNorSaveATemplate() throws Exception {
    staff(post("/support/tenants/" + tenant.id() + "/view-as"));
    MockHttpServletResponse apply = staff(post("/signatures").param("text", "【看看而已】"));
    MockHttpServletResponse template =
        staff(post("/templates").param("name", "看看").param("content", "内容"));
    assertThat(apply.getStatus()).isEqualTo(303);
    assertThat(template.getStatus()).isEqualTo(303);
    assertThat(signatureCount()).isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from message_template where tenant_id = ?",
                Long.class,
                tenant.id()))
        .isZero();
    // Its pages are there to look at.
    assertThat(staff(get("/signatures")).getStatus()).isEqualTo(200);
    staff(post("/support/view-as/end"));
  }

  @Test
  void aSignatureTypedWithoutBracketsGetsThemAndADuplicateIsRefused() throws Exception {
    MockHttpServletResponse applied = response(post("/signatures").param("text", "Acme商城"));
    assertThat(applied.getRedirectedUrl()).isEqualTo("/signatures");
    assertThat(body(get("/signatures"))).contains("【Acme商城】").contains("待审核");
    String again = body(post("/signatures").param("text", "【Acme商城】"));
    assertThat(again).contains("id=\"text-error\"").contains("已经申请过这个签名");
    assertThat(signatureCount()).isEqualTo(1);
  }

  @Test
  void supportRejectsWithAReasonAndApprovesAndTheCustomerSeesBothAndTheAuditLogHasThem()
      throws Exception {
    response(post("/signatures").param("text", "【甲商城】"));
    response(post("/signatures").param("text", "【乙商城】"));
    long first = signatureId("【甲商城】");
    long second = signatureId("【乙商城】");
    String reviews = "/support/tenants/" + tenant.id();
    assertThat(staff(get("/support/tenants/" + tenant.id())).getContentAsString())
        .contains(reviews + "/reviews");

    // A rejection without a reason is refused next to its field, and changes nothing.
    String noReason =
        staff(post(reviews + "/signatures/" + first).param("decision", "reject"))
            .getContentAsString();
    assertThat(noReason).contains("id=\"reason-s" + first + "-error\"");
    assertThat(state(first)).isEqualTo("PENDING");

    staff(
        post(reviews + "/signatures/" + first)
            .param("decision", "reject")
            .param("reason", "与营业执照不符"));
    staff(post(reviews + "/signatures/" + second).param("decision", "approve"));
    String page = body(get("/signatures"));
    assertThat(page).contains("与营业执照不符").contains("已驳回").contains("已通过");
    assertThat(auditActions())
        .contains("SIGNATURE_APPLIED", "SIGNATURE_REJECTED", "SIGNATURE_APPROVED");

    // The customer withdraws the rejected one after a confirmation; the approved one stays.
    assertThat(body(get("/signatures/" + first + "/withdraw")))
        .contains("signature-withdraw-confirm");
    response(post("/signatures/" + first + "/withdraw"));
    response(post("/signatures/" + second + "/withdraw"));
    assertThat(
            jdbc.queryForList(
                "select signature_text from signature where tenant_id = ?",
                String.class,
                tenant.id()))
        .containsExactly("【乙商城】");
    assertThat(auditActions()).contains("SIGNATURE_WITHDRAWN");
  }

  @Test
  void onceATenantHasAnApprovedSignatureASendWithoutItIsRefusedNamingIt() throws Exception {
    long account =
        TenantContext.callAs(
            tenant.id(),
            () ->
                accounts.ensure(
                    tenant.name(),
                    TestEndpoints.of(endpoints, "https://gw.tpl.example"),
                    GatewayCharset.UTF8,
                    "990011",
                    tenant.name(),
                    "Pw-" + tenant.name()));
    // No signature yet: sends as before.
    assertThat(submit(account, "hello").accepted()).isTrue();

    response(post("/signatures").param("text", "【丙商城】"));
    staff(
        post("/support/tenants/" + tenant.id() + "/signatures/" + signatureId("【丙商城】"))
            .param("decision", "approve"));

    SubmitResult unsigned = submit(account, "hello");
    assertThat(unsigned.refusal()).isEqualTo(SendRefusal.UNSIGNED);
    assertThat(submit(account, "【丙商城】hello").accepted()).isTrue();

    // The compose form says so next to the content field, naming the signature.
    String form =
        body(
            post("/send")
                .param("accountId", String.valueOf(account))
                .param("mobiles", "13800138000")
                .param("content", "hello")
                .param("idempotencyKey", UUID.randomUUID().toString()));
    assertThat(form).contains("id=\"content-error\"").contains("【丙商城】");
    int jobs =
        jdbc.queryForObject(
            "select count(*) from send_job where tenant_id = ?", Integer.class, tenant.id());
    assertThat(jobs).isEqualTo(2);
  }

  private SubmitResult submit(long account, String content) {
    return TenantContext.callAs(
        tenant.id(),
        () ->
            jobs.submit(
                new SendOrder(
                    account,
                    "13800138000",
                    content,
                    Instant.now().plus(Duration.ofDays(1)),
                    "",
                    UUID.randomUUID().toString())));
  }

  private long signatureCount() {
    return jdbc.queryForObject(
        "select count(*) from signature where tenant_id = ?", Long.class, tenant.id());
  }

  private long signatureId(String text) {
    return jdbc.queryForObject(
        "select id from signature where tenant_id = ? and signature_text = ?",
        Long.class,
        tenant.id(),
        text);
  }

  private String state(long id) {
    return jdbc.queryForObject("select state from signature where id = ?", String.class, id);
  }

  private java.util.List<String> auditActions() {
    return jdbc.queryForList(
        "select action from audit_event where tenant_id = ?", String.class, tenant.id());
  }

  private MockHttpServletResponse staff(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
      throws Exception {
    return mvc.perform(request.session(support).with(csrf())).andReturn().getResponse();
  }

  private MockHttpServletResponse response(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
      throws Exception {
    return mvc.perform(
            request
                .session(tenant.customer())
                .with(csrf())
                .locale(java.util.Locale.SIMPLIFIED_CHINESE))
        .andReturn()
        .getResponse();
  }

  private String body(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
      throws Exception {
    return response(request).getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
  }
}
