package com.smsportal.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.smsportal.Logins;
import com.smsportal.PortalIntegrationTest;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import com.smsportal.user.UserService;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Templates: checked content, review when the tenant's switch is on, delete, the API (issue 24).
 */
@PortalIntegrationTest
class TemplateIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TenantService tenants;
  @Autowired UserService users;
  @Autowired JdbcTemplate jdbc;
  @Autowired Templates templates;

  FreshTenant tenant;
  MockHttpSession support;

  @BeforeEach
  void setUp() throws Exception {
    tenant = FreshTenant.create(mvc, tenants, users);
    support = Logins.as(mvc, "support");
  }

  @Test
  void aBadPlaceholderIsRefusedWithItsPositionNextToTheContentInBothLanguages() throws Exception {
    String zh = body(create("通知", "您好 ${name 欢迎"), Locale.SIMPLIFIED_CHINESE);
    assertThat(zh).contains("id=\"content-error\"").contains("第 4 个字符处的占位符没有闭合");
    String en = body(create("通知", "您好 ${name 欢迎"), Locale.ENGLISH);
    assertThat(en).contains("The placeholder at character 4 is not closed");
    assertThat(count()).isZero();
  }

  @Test
  void withoutReviewATemplateIsApprovedAtOnceAndComposeGetsItsText() throws Exception {
    MockHttpServletResponse saved = response(create("取件", "您的快递 ${code} 已到"), Locale.ENGLISH);
    long id = idOf("取件");
    assertThat(saved.getRedirectedUrl()).isEqualTo("/templates/" + id);
    assertThat(state(id)).isEqualTo("APPROVED");
    TemplateLookup found = TenantContext.callAs(tenant.id(), () -> templates.approved(id));
    assertThat(found.outcome()).isEqualTo(TemplateLookup.Outcome.APPROVED);
    assertThat(found.template().orElseThrow().placeholders()).containsExactly("code");
    assertThat(body(get("/templates?q=快递"), Locale.SIMPLIFIED_CHINESE)).contains("取件");
    assertThat(body(get("/templates?q=nothing-like-it"), Locale.SIMPLIFIED_CHINESE))
        .contains("id=\"templates-empty\"");
  }

  @Test
  void withReviewOnANewTemplateWaitsAndAnEditOfAnApprovedOneGoesBackToReview() throws Exception {
    String reviews = "/support/tenants/" + tenant.id();
    staff(post(reviews + "/template-review").param("required", "true"));
    response(create("活动", "${name} 您好，活动开始"), Locale.SIMPLIFIED_CHINESE);
    long id = idOf("活动");
    assertThat(state(id)).isEqualTo("PENDING");
    assertThat(body(get("/templates/" + id), Locale.SIMPLIFIED_CHINESE)).contains("待审核");
    TemplateLookup pending = TenantContext.callAs(tenant.id(), () -> templates.approved(id));
    assertThat(pending.outcome()).isEqualTo(TemplateLookup.Outcome.NOT_APPROVED);
    assertThat(TenantContext.callAs(tenant.id(), () -> templates.approvedForCompose())).isEmpty();

    staff(post(reviews + "/templates/" + id).param("decision", "approve"));
    assertThat(state(id)).isEqualTo("APPROVED");
    response(
        post("/templates/" + id).param("name", "活动").param("content", "${name} 您好，活动延期"),
        Locale.SIMPLIFIED_CHINESE);
    assertThat(state(id)).isEqualTo("PENDING");

    staff(post(reviews + "/templates/" + id).param("decision", "reject").param("reason", "营销内容"));
    assertThat(body(get("/templates/" + id), Locale.SIMPLIFIED_CHINESE))
        .contains("已驳回")
        .contains("营销内容");
    assertThat(
            jdbc.queryForList(
                "select action from audit_event where tenant_id = ?", String.class, tenant.id()))
        .contains(
            "TEMPLATE_REVIEW_SWITCHED",
            "TEMPLATE_CREATED",
            "TEMPLATE_APPROVED",
            "TEMPLATE_CHANGED",
            "TEMPLATE_REJECTED");
  }

  @Test
  void aTemplateIsDeletedAfterAConfirmation() throws Exception {
    response(create("删除我", "内容"), Locale.SIMPLIFIED_CHINESE);
    long id = idOf("删除我");
    assertThat(body(get("/templates/" + id + "/delete"), Locale.SIMPLIFIED_CHINESE))
        .contains("template-delete-confirm");
    MockHttpServletResponse deleted =
        response(post("/templates/" + id + "/delete"), Locale.SIMPLIFIED_CHINESE);
    assertThat(deleted.getRedirectedUrl()).isEqualTo("/templates");
    assertThat(count()).isZero();
    assertThat(response(get("/templates/" + id), Locale.SIMPLIFIED_CHINESE).getStatus())
        .isEqualTo(404);
  }

  @Test
  void anApprovedSignatureIsRequiredAndTheTemplatesTextStartsWithIt() throws Exception {
    response(post("/signatures").param("text", "丁商城"), Locale.SIMPLIFIED_CHINESE);
    long signature =
        jdbc.queryForObject(
            "select id from signature where tenant_id = ?", Long.class, tenant.id());
    staff(
        post("/support/tenants/" + tenant.id() + "/signatures/" + signature)
            .param("decision", "approve"));
    String refused = body(create("无签名", "内容").param("signature", "【别家】"), Locale.ENGLISH);
    assertThat(refused).contains("id=\"signature-error\"").contains("【丁商城】");
    assertThat(count()).isZero();

    response(create("有签名", "您好 ${name}").param("signature", "【丁商城】"), Locale.ENGLISH);
    List<TemplateText> offered =
        TenantContext.callAs(tenant.id(), () -> templates.approvedForCompose());
    assertThat(offered).extracting(TemplateText::text).containsExactly("【丁商城】您好 ${name}");
  }

  @Test
  void thePreviewRendersEachSampleWithItsSegments() throws Exception {
    String html =
        body(
            get("/templates/preview")
                .param("signature", "")
                .param("content", "您好 ${name}，验证码 ${code}")
                .param("s1.name", "张三")
                .param("s2.code", "123456"),
            Locale.SIMPLIFIED_CHINESE);
    assertThat(html).contains("您好 张三，验证码 code").contains("您好 name，验证码 123456");
    assertThat(html).contains("id=\"preview-segments-1\"").contains("计 1 条短信");
    String fault =
        body(
            get("/templates/preview").param("signature", "【某签名】").param("content", "您好 ${name"),
            Locale.ENGLISH);
    // The position counts in the content, as the form's message does, not after the signature.
    assertThat(fault).contains("The placeholder at character 4 is not closed");
  }

  private MockHttpServletRequestBuilder create(String name, String content) {
    return post("/templates").param("name", name).param("content", content);
  }

  private long count() {
    return jdbc.queryForObject(
        "select count(*) from message_template where tenant_id = ?", Long.class, tenant.id());
  }

  private long idOf(String name) {
    return jdbc.queryForObject(
        "select id from message_template where tenant_id = ? and name = ?",
        Long.class,
        tenant.id(),
        name);
  }

  private String state(long id) {
    return jdbc.queryForObject("select state from message_template where id = ?", String.class, id);
  }

  private void staff(MockHttpServletRequestBuilder request) throws Exception {
    mvc.perform(request.session(support).with(csrf())).andReturn();
  }

  private MockHttpServletResponse response(MockHttpServletRequestBuilder request, Locale locale)
      throws Exception {
    return mvc.perform(
            request.session(tenant.customer()).with(csrf()).param("lang", locale.toLanguageTag()))
        .andReturn()
        .getResponse();
  }

  private String body(MockHttpServletRequestBuilder request, Locale locale) throws Exception {
    return response(request, locale).getContentAsString(StandardCharsets.UTF_8);
  }
}
