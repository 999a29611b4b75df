package com.smsportal.sending.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.smsportal.Logins;
import com.smsportal.PortalIntegrationTest;
import com.smsportal.TestEndpoints;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.gatewayaccount.GatewayEndpoints;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The compose page checks numbers, segments and cost live, and blocked words at the gateway. */
@PortalIntegrationTest
class ComposeIntegrationTests {

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired GatewayAccounts accounts;
  @Autowired GatewayEndpoints endpoints;
  @Autowired TenantService tenants;

  MockHttpSession acme;
  long account;

  @BeforeEach
  void setUp() throws Exception {
    acme = Logins.as(mvc, "acme");
    long tenant = tenants.findByName("Acme").orElseThrow().id();
    account =
        TenantContext.callAs(
            tenant,
            () ->
                accounts.ensure(
                    "compose-" + UUID.randomUUID(),
                    TestEndpoints.of(endpoints, TestEndpoints.simulator(port)),
                    GatewayCharset.UTF8,
                    "101",
                    "acme",
                    "AcmeGw-7351"));
  }

  @Test
  void theComposePageOffersTheTenantsUsableAccounts() throws Exception {
    String page = html(get("/send"));
    assertThat(page).contains("id=\"compose-form\"").contains("value=\"" + account + "\"");
    assertThat(page).contains("name=\"idempotencyKey\"");
  }

  @Test
  void theLiveCheckCountsNumbersSegmentsAndCost() throws Exception {
    String fragment =
        html(
            post("/send/check")
                .param("mobiles", "13800138000\n+86 139 0013 9000\n13800138000\n12345")
                .param("content", "中".repeat(71))
                .header("HX-Request", "true")
                .with(csrf()));
    assertThat(fragment.strip()).startsWith("<aside id=\"compose-check\"");
    assertThat(fragment)
        .contains("id=\"check-valid\">2<")
        .contains("id=\"check-duplicates\">1<")
        .contains("id=\"check-invalid\">1<")
        .contains("id=\"check-segments\">2<")
        .contains("id=\"check-cost\">4<")
        .contains("<code>12345</code>")
        .contains("内容开头没有签名");
  }

  @Test
  void theOptOutHintIsShownForMarketingTextsButNotForAVerificationCode() throws Exception {
    assertThat(check("【聚合云】您的验证码是 482913，5 分钟内有效，请勿告诉他人。")).doesNotContain("id=\"check-optout\"");
    assertThat(check("【Acme】Your verification code is 4829."))
        .doesNotContain("id=\"check-optout\"");
    assertThat(check("【聚合云】双十一大促，全场五折")).contains("id=\"check-optout\"").contains("回T退订");
    assertThat(check("【聚合云】领取优惠券的验证码 4829"))
        .as("a marketing cue wins")
        .contains("id=\"check-optout\"");
    assertThat(check("【聚合云】双十一大促，回T退订")).doesNotContain("id=\"check-optout\"");
  }

  private String check(String content) throws Exception {
    return html(
        post("/send/check")
            .param("mobiles", "13800138000")
            .param("content", content)
            .header("HX-Request", "true")
            .with(csrf()));
  }

  @Test
  void theGatewayFindsBlockedWordsOnDemand() throws Exception {
    String blocked =
        html(
            post("/send/keywords")
                .param("accountId", Long.toString(account))
                .param("content", "【聚合云】代开发票，请联系")
                .with(csrf()));
    assertThat(blocked).contains("内容包含屏蔽词").contains("代开发票");
    String clean =
        html(
            post("/send/keywords")
                .param("accountId", Long.toString(account))
                .param("content", "【聚合云】您的验证码是 123456")
                .with(csrf()));
    assertThat(clean).contains("没有包含屏蔽词");
  }

  @Test
  void supportMayLookAtTheComposePageButNotRunItsChecks() throws Exception {
    MockHttpSession support = Logins.as(mvc, "support");
    assertThat(
            mvc.perform(post("/send/check").param("content", "x").session(support).with(csrf()))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
  }

  private String html(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
      throws Exception {
    return mvc.perform(request.session(acme)).andReturn().getResponse().getContentAsString();
  }
}
