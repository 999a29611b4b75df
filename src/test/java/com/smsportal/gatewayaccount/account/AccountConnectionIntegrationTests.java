package com.smsportal.gatewayaccount.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** "Test connection" asks the real (simulated) gateway over HTTP and shows what it answered. */
@PortalIntegrationTest
class AccountConnectionIntegrationTests {

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired GatewayAccounts accounts;
  @Autowired GatewayEndpoints endpoints;
  @Autowired TenantService tenants;
  @Autowired JdbcTemplate jdbc;

  MockHttpSession acme;
  long acmeId;

  @BeforeEach
  void logIn() throws Exception {
    acme = Logins.as(mvc, "acme");
    acmeId = tenants.findByName("Acme").orElseThrow().id();
  }

  @Test
  void theDemoTenantsHaveAGatewayAccountOnTheSimulator() throws Exception {
    String page =
        mvc.perform(get("/accounts").session(acme)).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("聚合云 (模拟器)");
    assertThat(
            jdbc.queryForList(
                "select e.base_url from gateway_account a join gateway_endpoint e"
                    + " on e.id = a.endpoint_id where a.tenant_id = ? and a.name = ?",
                String.class,
                acmeId,
                "聚合云 (模拟器)"))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .matches("http://localhost:\\d+/simulator");
  }

  @Test
  void aWorkingAccountShowsItsBalanceAndPayModeAndNothingIsStored() throws Exception {
    long id = account("AcmeGw-7351");
    String before = row(id);
    String result =
        mvc.perform(
                post("/accounts/" + id + "/test-connection")
                    .header("HX-Request", "true")
                    .session(acme)
                    .with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(result.strip()).startsWith("<div id=\"connection-result\"");
    assertThat(result).contains("id=\"connection-ok\"").contains("预付费");
    assertThat(result).containsPattern("id=\"connection-balance\">[0-9,]+<");
    assertThat(row(id)).isEqualTo(before);
  }

  @Test
  void aWrongPasswordShowsTheExplanationAndTheGatewaysOwnWords() throws Exception {
    long id = account("not-the-password");
    String result =
        mvc.perform(
                post("/accounts/" + id + "/test-connection")
                    .header("HX-Request", "true")
                    .session(acme)
                    .with(csrf()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(result).contains("id=\"connection-error\"").contains("用户名或密码错误");
    assertThat(result).doesNotContain("not-the-password");
  }

  @Test
  void withoutHtmxTheResultComesBackOnTheAccountPage() throws Exception {
    long id = account("AcmeGw-7351");
    mvc.perform(post("/accounts/" + id + "/test-connection").session(acme).with(csrf()))
        .andExpect(redirectedUrl("/accounts/" + id));
  }

  @Test
  void anotherTenantsAccountCannotBeTested() throws Exception {
    long globexAccount =
        TenantContext.callAs(
            tenants.findByName("Globex").orElseThrow().id(),
            () ->
                accounts.ensure(
                    "globex-" + UUID.randomUUID(),
                    TestEndpoints.of(endpoints, simulator()),
                    GatewayCharset.UTF8,
                    "102",
                    "globex",
                    "GlobexGw-4682"));
    mvc.perform(
            post("/accounts/" + globexAccount + "/test-connection")
                .header("HX-Request", "true")
                .session(acme)
                .with(csrf()))
        .andExpect(status().isNotFound());
  }

  private long account(String password) {
    return TenantContext.callAs(
        acmeId,
        () ->
            accounts.ensure(
                "acme-" + UUID.randomUUID(),
                TestEndpoints.of(endpoints, simulator()),
                GatewayCharset.UTF8,
                "101",
                "acme",
                password));
  }

  private String simulator() {
    return TestEndpoints.simulator(port);
  }

  private String row(long id) {
    return jdbc.queryForList("select * from gateway_account where id = ?", id).toString();
  }
}
