package com.smsportal.tenant.admin;

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
import com.smsportal.tenant.TenantView;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@PortalIntegrationTest
class ViewAsTenantIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TenantService tenants;
  @Autowired GatewayAccounts accounts;
  @Autowired GatewayEndpoints endpoints;
  @Autowired JdbcTemplate jdbc;

  MockHttpSession support;
  TenantView acme;
  String acmeAccount;
  String globexAccount;

  @BeforeEach
  void setUp() throws Exception {
    support = Logins.as(mvc, "support");
    acme = tenants.findByName("Acme").orElseThrow();
    acmeAccount = "acme-view-" + UUID.randomUUID().toString().substring(0, 6);
    globexAccount = "globex-view-" + UUID.randomUUID().toString().substring(0, 6);
    TenantContext.runAs(acme.id(), () -> ensure(acmeAccount));
    TenantContext.runAs(
        tenants.findByName("Globex").orElseThrow().id(), () -> ensure(globexAccount));
  }

  @Test
  void supportSeesExactlyTheViewedTenantsDataUnderABannerUntilTheyEndIt() throws Exception {
    mvc.perform(post("/support/tenants/" + acme.id() + "/view-as").session(support).with(csrf()))
        .andExpect(redirectedUrl("/accounts"));

    String viewing = page("/accounts");
    assertThat(viewing).contains("id=\"view-as-banner\"").contains(acmeAccount);
    assertThat(viewing).doesNotContain(globexAccount);

    mvc.perform(post("/support/view-as/end").session(support).with(csrf()))
        .andExpect(redirectedUrl("/support/tenants/" + acme.id()));
    String all = page("/accounts");
    assertThat(all).doesNotContain("id=\"view-as-banner\"").contains(acmeAccount, globexAccount);
  }

  @Test
  void everyCustomerPageSupportOpensIsAudited() throws Exception {
    int before = viewsOf("/accounts");
    page("/accounts");
    mvc.perform(post("/support/tenants/" + acme.id() + "/view-as").session(support).with(csrf()));
    page("/accounts");
    assertThat(viewsOf("/accounts")).isEqualTo(before + 2);
    assertThat(
            jdbc.queryForObject(
                "select tenant_name from audit_event where target = '/accounts' and actor ="
                    + " 'support' order by id desc limit 1",
                String.class))
        .isEqualTo("Acme");
  }

  @Test
  void aCustomerCannotViewAsAnotherTenant() throws Exception {
    MockHttpSession customer = Logins.as(mvc, "acme");
    long globex = tenants.findByName("Globex").orElseThrow().id();
    mvc.perform(post("/support/tenants/" + globex + "/view-as").session(customer).with(csrf()))
        .andExpect(status().isForbidden());
    assertThat(page(customer, "/accounts")).doesNotContain(globexAccount);
  }

  private void ensure(String name) {
    accounts.ensure(
        name,
        TestEndpoints.of(endpoints, "https://gw.example"),
        GatewayCharset.UTF8,
        "1",
        name,
        "pw-" + name);
  }

  private int viewsOf(String target) {
    return jdbc.queryForObject(
        "select count(*) from audit_event where action = 'TENANT_VIEWED' and actor = 'support'"
            + " and target = ?",
        Integer.class,
        target);
  }

  private String page(String path) throws Exception {
    return page(support, path);
  }

  private String page(MockHttpSession session, String path) throws Exception {
    return mvc.perform(get(path).session(session)).andReturn().getResponse().getContentAsString();
  }
}
