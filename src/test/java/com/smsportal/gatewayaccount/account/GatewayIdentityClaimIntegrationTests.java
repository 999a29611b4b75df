package com.smsportal.gatewayaccount.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.smsportal.DatabaseDependent;
import com.smsportal.Logins;
import com.smsportal.PortalIntegrationTest;
import com.smsportal.SimulatorControl;
import com.smsportal.SimulatorControl.OpenedAccount;
import com.smsportal.TestEndpoints;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.gatewayaccount.GatewayEndpoints;
import com.smsportal.sending.SendJobs;
import com.smsportal.sending.SendOrder;
import com.smsportal.sending.SendRefusal;
import com.smsportal.sending.SubmitResult;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 20, item 9: a gateway account (endpoint, userid, account) is claimed in the portal only
 * with a password the gateway accepts. The attack this closes: tenant B registers Acme's gateway
 * account with a wrong password, blocking Acme's registration, and learns from the refusal whether
 * anyone has registered it. Against the portal's simulator, which checks passwords.
 */
@DatabaseDependent(
    "one verified claim per gateway account: the account's row lock and the duplicates query")
@PortalIntegrationTest
class GatewayIdentityClaimIntegrationTests {

  private static final String PASSWORD_REFUSED =
      "id=\"password-error\">网关拒绝了此密码（连同此企业 ID 和账号），未保存。";
  private static final String TAKEN =
      "id=\"account-error\">网关接受了密码，但此网关账户（接入点、企业 ID 和账号）已在门户中登记并验证";

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired GatewayAccounts accounts;
  @Autowired GatewayEndpoints endpoints;
  @Autowired TenantService tenants;
  @Autowired SendJobs jobs;
  @Autowired JdbcTemplate jdbc;

  MockHttpSession acme;
  MockHttpSession globex;
  long acmeId;
  long globexId;
  long simulator;
  SimulatorControl control;

  @BeforeEach
  void setUp() throws Exception {
    acme = Logins.as(mvc, "acme");
    globex = Logins.as(mvc, "globex");
    acmeId = tenants.findByName("Acme").orElseThrow().id();
    globexId = tenants.findByName("Globex").orElseThrow().id();
    simulator = TestEndpoints.of(endpoints, TestEndpoints.simulator(port));
    control = new SimulatorControl(port);
  }

  @Test
  void aWrongPasswordClaimsNothingBlocksNobodyAndTellsNothingOfOtherRegistrations()
      throws Exception {
    OpenedAccount acmes = control.open("acme-real", 1_000);
    OpenedAccount nobodys = control.open("nobody", 1_000);
    int before = accountCount();

    // Globex (the attacker) before Acme has registered: refused for the password, nothing stored.
    String beforeAcme =
        refusal(send(globex, post("/accounts"), form(unique("Grab"), acmes, "Wrong-pw-1")));
    assertThat(accountCount()).isEqualTo(before);

    // Acme registers its own gateway account with its password: verified, as if nobody had tried.
    long acmeAccount =
        created(send(acme, post("/accounts"), form(unique("Acme-main"), acmes, acmes.password())));
    assertThat(verified(acmeAccount)).isTrue();
    assertThat(page(acme, "/accounts")).contains("id=\"verification-" + acmeAccount + "\">已验证");

    // Globex again, now that it is registered, and on a gateway account nobody has registered:
    // the very same answer, which names no registration and no tenant.
    String afterAcme =
        refusal(send(globex, post("/accounts"), form(unique("Grab"), acmes, "Wrong-pw-1")));
    String unregistered =
        refusal(send(globex, post("/accounts"), form(unique("Grab"), nobodys, "Wrong-pw-1")));
    assertThat(beforeAcme).contains(PASSWORD_REFUSED).doesNotContain("已在门户中登记");
    assertThat(afterAcme).isEqualTo(beforeAcme).isEqualTo(unregistered);
    assertThat(afterAcme).doesNotContain("Acme");
    String english =
        send(
                globex,
                post("/accounts").param("lang", "en"),
                form(unique("Grab"), acmes, "Wrong-pw-1"))
            .getContentAsString();
    assertThat(english).contains("The gateway refused this password").doesNotContain("registered");
    assertThat(accountCount()).isEqualTo(before + 1);

    // Acme's account is untouched: "test connection" verifies it again and it sends.
    assertThat(testConnection(acme, acmeAccount)).contains("id=\"connection-ok\"");
    assertThat(submit(acmeId, acmeAccount).accepted()).isTrue();
  }

  @Test
  void anUnverifiedRegistrationNeverBlocksTheRealOwnerAndCannotSend() throws Exception {
    OpenedAccount acmes = control.open("acme-late", 1_000);
    // The gateway gives no clear answer when Globex saves (a server error): stored, unverified.
    control.fault(acmes.account(), "HTTP_500", 1);
    long grabbed =
        created(send(globex, post("/accounts"), form(unique("Grab"), acmes, "Wrong-pw-1")));
    assertThat(verified(grabbed)).isFalse();
    String globexPage = page(globex, "/accounts/" + grabbed);
    assertThat(globexPage).contains("id=\"account-unverified\"").contains("网关尚未接受此账户的密码");
    assertThat(page(globex, "/accounts")).contains("id=\"verification-" + grabbed + "\">未验证");

    // Acme registers the same gateway account with its password: verified, not blocked.
    long acmeAccount =
        created(send(acme, post("/accounts"), form(unique("Acme-main"), acmes, acmes.password())));
    assertThat(verified(acmeAccount)).isTrue();

    // Globex's row cannot send, is not offered on the send form, and its test connection is
    // refused by the gateway: it stays unverified and learns nothing of Acme.
    SubmitResult refused = submit(globexId, grabbed);
    assertThat(refused.accepted()).isFalse();
    assertThat(refused.refusal()).isEqualTo(SendRefusal.ACCOUNT_UNVERIFIED);
    assertThat(page(globex, "/send")).doesNotContain("value=\"" + grabbed + "\"");
    String tested = testConnection(globex, grabbed);
    assertThat(tested).contains("id=\"connection-error\"").doesNotContain("connection-taken");
    assertThat(verified(grabbed)).isFalse();
    assertThat(submit(acmeId, acmeAccount).accepted()).isTrue();
  }

  @Test
  void aRegistrationVerifiedLaterByTestConnectionClaimsUnlessAVerifiedOneHoldsIt()
      throws Exception {
    OpenedAccount shared = control.open("shared", 1_000);
    // Both know the password; the gateway is down when Acme saves, up when Globex does.
    control.fault(shared.account(), "HTTP_500", 1);
    long acmes =
        created(send(acme, post("/accounts"), form(unique("Acme"), shared, shared.password())));
    assertThat(verified(acmes)).isFalse();
    assertThat(submit(acmeId, acmes).refusal()).isEqualTo(SendRefusal.ACCOUNT_UNVERIFIED);

    long globexs =
        created(send(globex, post("/accounts"), form(unique("Globex"), shared, shared.password())));
    assertThat(verified(globexs)).isTrue();

    // Acme proves the password with "test connection": now it may be told the account is held.
    String tested = testConnection(acme, acmes);
    assertThat(tested).contains("id=\"connection-ok\"").contains("id=\"connection-taken\"");
    assertThat(tested).doesNotContain("Globex");
    assertThat(verified(acmes)).isFalse();

    // A gateway account of its own, verified later by "test connection": claimed, and it sends.
    OpenedAccount own = control.open("own", 1_000);
    control.fault(own.account(), "HTTP_500", 1);
    long later = created(send(acme, post("/accounts"), form(unique("Own"), own, own.password())));
    assertThat(verified(later)).isFalse();
    assertThat(testConnection(acme, later)).contains("id=\"connection-verified\"");
    assertThat(verified(later)).isTrue();
    assertThat(submit(acmeId, later).accepted()).isTrue();
  }

  @Test
  void aDuplicateVerifiedClaimIsRefusedAndTheRefusalNamesNoTenant() throws Exception {
    OpenedAccount gw = control.open("dup", 1_000);
    String globexName = unique("Globex-private");
    created(send(globex, post("/accounts"), form(globexName, gw, gw.password())));
    int count = accountCount();
    MockHttpServletResponse byCustomer =
        send(acme, post("/accounts"), form(unique("Mine"), gw, gw.password()));
    MockHttpServletResponse bySupport =
        send(
            Logins.as(mvc, "support"),
            post("/accounts"),
            form(unique("For acme"), gw, gw.password()),
            "tenantId",
            String.valueOf(acmeId));
    OpenedAccount other = control.open("own", 10);
    long own = created(send(acme, post("/accounts"), form(unique("Own"), other, other.password())));
    MockHttpServletResponse byEdit =
        send(acme, post("/accounts/" + own), form(unique("Own"), gw, gw.password()));

    for (MockHttpServletResponse refused :
        new MockHttpServletResponse[] {byCustomer, bySupport, byEdit}) {
      String page = refused.getContentAsString(StandardCharsets.UTF_8);
      assertThat(page).contains(TAKEN).doesNotContain(globexName);
    }
    assertThat(byCustomer.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("Globex");
    assertThat(byEdit.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("Globex");
    assertThat(accountCount()).isEqualTo(count + 1);
    String english =
        send(acme, post("/accounts").param("lang", "en"), form(unique("Mine"), gw, gw.password()))
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(english)
        .contains("this gateway account (endpoint, userid and account) is already registered");
  }

  // ---- helpers

  private SubmitResult submit(long tenant, long account) {
    return TenantContext.callAs(
        tenant,
        () ->
            jobs.submit(
                new SendOrder(
                    account,
                    "13800138000",
                    "【聚合云】您好",
                    Instant.now().plus(Duration.ofDays(400)),
                    "",
                    UUID.randomUUID().toString())));
  }

  private boolean verified(long id) {
    return jdbc.queryForObject(
        "select identity_verified_at is not null from gateway_account where id = ?",
        Boolean.class,
        id);
  }

  private long created(MockHttpServletResponse response) throws Exception {
    String target = response.getRedirectedUrl();
    assertThat(target)
        .as(response.getContentAsString(StandardCharsets.UTF_8))
        .startsWith("/accounts/");
    return Long.parseLong(target.substring("/accounts/".length()));
  }

  /** The refused form's page, its error messages only (the form echoes the typed names). */
  private static String refusal(MockHttpServletResponse response) throws Exception {
    assertThat(response.getStatus()).isEqualTo(200);
    String page = response.getContentAsString(StandardCharsets.UTF_8);
    StringBuilder errors = new StringBuilder();
    java.util.regex.Matcher error =
        java.util.regex.Pattern.compile("<p class=\"field-error\" id=\"[a-zA-Z]+-error\">[^<]*</p>")
            .matcher(page);
    while (error.find()) {
      errors.append(error.group()).append('\n');
    }
    assertThat(errors).isNotEmpty();
    return errors.toString();
  }

  private String testConnection(MockHttpSession who, long id) throws Exception {
    return send(
            who, post("/accounts/" + id + "/test-connection").header("HX-Request", "true"), null)
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private String page(MockHttpSession who, String path) throws Exception {
    MockHttpServletResponse response = send(who, get(path), null);
    assertThat(response.getStatus()).as(path).isEqualTo(200);
    return response.getContentAsString(StandardCharsets.UTF_8);
  }

  private String[] form(String name, OpenedAccount account, String password) {
    return PostedForms.account(name, simulator, account, password);
  }

  private MockHttpServletResponse send(
      MockHttpSession session,
      MockHttpServletRequestBuilder request,
      String[] fields,
      String... more) {
    return PostedForms.send(mvc, session, request, fields, more);
  }

  private int accountCount() {
    return jdbc.queryForObject("select count(*) from gateway_account", Integer.class);
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
