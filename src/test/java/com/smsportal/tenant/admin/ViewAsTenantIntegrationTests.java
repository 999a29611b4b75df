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
import com.smsportal.audit.AuditDetail;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.gatewayaccount.GatewayEndpoints;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import com.smsportal.tenant.TenantView;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Support viewing a tenant ("view as tenant", issue 23): the tenant's own navigation and dashboard,
 * read-only with a page that says so, a visit that ends on a support page or signing out, and one
 * audit entry per visit with the pages counted.
 */
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
    startViewing().andExpect(redirectedUrl("/"));

    String viewing = page("/accounts");
    assertThat(viewing).contains("id=\"view-as-banner\"").contains(acmeAccount);
    assertThat(viewing).doesNotContain(globexAccount);

    mvc.perform(post("/support/view-as/end").session(support).with(csrf()))
        .andExpect(redirectedUrl("/support/tenants/" + acme.id()));
    String all = page("/accounts");
    assertThat(all).doesNotContain("id=\"view-as-banner\"").contains(acmeAccount, globexAccount);
  }

  @Test
  void whileViewingTheNavigationAndDashboardAreTheTenantsOwn() throws Exception {
    String before = page("/");
    assertThat(before).contains("id=\"nav-tenants\"", "id=\"tenant-count\"");
    assertThat(before).doesNotContain("id=\"nav-jobs\"");

    startViewing();
    String dashboard = page("/");
    assertThat(dashboard)
        .contains(
            "id=\"nav-dashboard\"",
            "id=\"nav-send\"",
            "id=\"nav-jobs\"",
            "id=\"nav-receipts\"",
            "id=\"nav-replies\"",
            "id=\"nav-optouts\"",
            "id=\"nav-accounts\"",
            "id=\"view-as-end\"")
        // The customer's dashboard (its panels), not support's tenant count or own pages.
        .contains("id=\"jobs-in-progress\"", "id=\"balances\"")
        .doesNotContain("id=\"tenant-count\"", "id=\"nav-tenants\"", "id=\"nav-staff\"");
    assertThat(page("/send"))
        .contains("id=\"send-read-only\"")
        .containsPattern("id=\"send-submit\"[^>]*disabled");
  }

  @Test
  void aChangeSentWhileViewingSaysWhyKeepsTheInputAndChangesNothing() throws Exception {
    startViewing();
    int jobs = count("send_job");
    int optOuts = count("opt_out");

    mvc.perform(
            post("/send")
                .session(support)
                .with(csrf())
                .header("Referer", "http://localhost/send")
                .param("mobiles", "13800138000")
                .param("content", "Typed while viewing"))
        .andExpect(status().isSeeOther())
        .andExpect(redirectedUrl("/send"));
    String back = page("/send");
    assertThat(back)
        .contains("id=\"view-as-refused\"", "查看模式下只读", "13800138000", "Typed while viewing")
        .doesNotContain("_csrf</dt>");

    assertThat(
            refused(post("/optouts").session(support).with(csrf()).param("mobile", "13800138001")))
        .contains("id=\"view-as-refused\"", "13800138001");
    // Support may add gateway accounts by role, but not in a tenant's pages while viewing them.
    int gatewayAccounts = count("gateway_account");
    assertThat(
            refused(
                post("/accounts")
                    .session(support)
                    .with(csrf())
                    .param("name", "added-while-viewing")
                    .param("password", "never-shown")))
        .contains("added-while-viewing")
        .doesNotContain("never-shown");
    assertThat(count("gateway_account")).isEqualTo(gatewayAccounts);
    mvc.perform(post("/send/check").session(support).with(csrf()).header("HX-Request", "true"))
        .andExpect(status().isNoContent());

    assertThat(count("send_job")).isEqualTo(jobs);
    assertThat(count("opt_out")).isEqualTo(optOuts);
  }

  @Test
  void aVisitIsOneAuditEntryCountingItsPages() throws Exception {
    long before = lastAuditId();
    startViewing();
    for (String path : List.of("/", "/jobs", "/receipts", "/replies", "/optouts")) {
      page(path);
    }
    mvc.perform(post("/support/view-as/end").session(support).with(csrf()));

    List<Map<String, Object>> entries = viewEntriesSince(before);
    assertThat(entries).hasSize(2);
    assertThat(entries.get(0).get("target"))
        .isEqualTo(AuditDetail.of("audit.target.viewAsStart").encode());
    assertThat(entries.get(1).get("target"))
        .isEqualTo(AuditDetail.of("audit.target.viewAsVisit", 5).encode());
    assertThat((String) entries.get(1).get("detail")).contains("audit.detail.viewAsEnded");
    assertThat(entries.get(1).get("tenant_name")).isEqualTo("Acme");
  }

  @Test
  void openingASupportPageEndsTheVisitAndSaysSo() throws Exception {
    long before = lastAuditId();
    startViewing();
    page("/jobs");

    String tenantsPage = page("/support/tenants");
    assertThat(tenantsPage).contains("id=\"view-as-left\"").doesNotContain("id=\"view-as-banner\"");
    assertThat(page("/accounts")).doesNotContain("id=\"view-as-banner\"");
    List<Map<String, Object>> entries = viewEntriesSince(before);
    assertThat(entries.get(1).get("target"))
        .isEqualTo(AuditDetail.of("audit.target.viewAsVisit", 1).encode());
    assertThat((String) entries.get(1).get("detail")).contains("audit.detail.viewAsLeft");
  }

  @Test
  void signingOutEndsTheVisitWithItsEntry() throws Exception {
    long before = lastAuditId();
    startViewing();
    page("/receipts");
    page("/replies");
    mvc.perform(post("/logout").session(support).with(csrf()));

    List<Map<String, Object>> entries = viewEntriesSince(before);
    assertThat(entries).hasSize(2);
    assertThat(entries.get(1).get("target"))
        .isEqualTo(AuditDetail.of("audit.target.viewAsVisit", 2).encode());
    assertThat((String) entries.get(1).get("detail")).contains("audit.detail.viewAsSignedOut");
  }

  @Test
  void aCustomerPageOpenedOutsideAVisitIsAuditedAsAllTenants() throws Exception {
    long before = lastAuditId();
    page("/accounts");
    assertThat(viewEntriesSince(before))
        .singleElement()
        .satisfies(e -> assertThat(e.get("target")).isEqualTo("/accounts"));
  }

  @Test
  void aCustomerCannotViewAsAnotherTenant() throws Exception {
    MockHttpSession customer = Logins.as(mvc, "acme");
    long globex = tenants.findByName("Globex").orElseThrow().id();
    mvc.perform(post("/support/tenants/" + globex + "/view-as").session(customer).with(csrf()))
        .andExpect(status().isForbidden());
    assertThat(page(customer, "/accounts")).doesNotContain(globexAccount);
  }

  /** Sends a refused change and opens the page it comes back to, as a browser would. */
  private String refused(MockHttpServletRequestBuilder request) throws Exception {
    String back =
        mvc.perform(request)
            .andExpect(status().isSeeOther())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    return page(back);
  }

  private org.springframework.test.web.servlet.ResultActions startViewing() throws Exception {
    return mvc.perform(
        post("/support/tenants/" + acme.id() + "/view-as").session(support).with(csrf()));
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

  private long lastAuditId() {
    return jdbc.queryForObject("select coalesce(max(id), 0) from audit_event", Long.class);
  }

  private List<Map<String, Object>> viewEntriesSince(long id) {
    return jdbc.queryForList(
        "select target, detail, tenant_name from audit_event where id > ? and actor = 'support'"
            + " and action = 'TENANT_VIEWED' order by id",
        id);
  }

  private int count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Integer.class);
  }

  private String page(String path) throws Exception {
    return page(support, path);
  }

  private String page(MockHttpSession session, String path) throws Exception {
    return mvc.perform(get(path).session(session)).andReturn().getResponse().getContentAsString();
  }
}
