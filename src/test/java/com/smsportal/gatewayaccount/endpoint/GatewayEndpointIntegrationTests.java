package com.smsportal.gatewayaccount.endpoint;

import static com.smsportal.gatewayaccount.AccountCalls.answer;
import static com.smsportal.gatewayaccount.AccountCalls.unusable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.smsportal.DatabaseDependent;
import com.smsportal.Logins;
import com.smsportal.PortalIntegrationTest;
import com.smsportal.SimulatorControl;
import com.smsportal.SimulatorControl.OpenedAccount;
import com.smsportal.TestEndpoints;
import com.smsportal.audit.AuditDetail;
import com.smsportal.audit.AuditDetails;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gateway.GatewayClient;
import com.smsportal.gateway.GatewayError;
import com.smsportal.gateway.GatewayException;
import com.smsportal.gateway.GatewayLogin;
import com.smsportal.gatewayaccount.AccountCall.Unusable;
import com.smsportal.gatewayaccount.AccountGateway;
import com.smsportal.gatewayaccount.GatewayAccess;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.gatewayaccount.GatewayEndpoints;
import com.smsportal.gatewayaccount.account.PostedForms;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
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
 * Gateway endpoints as administrators run them, and what they guarantee: a stored gateway password
 * only ever goes to its account's endpoint. The attack this closes: a customer (or support) points
 * an account at a server of their own and presses "test connection"; that server must never see a
 * request, let alone the password. A local HTTP server stands in for theirs and counts requests.
 */
@DatabaseDependent(
    "no endpoint retired while accounts join it (row locks); duplicates found by a self-join")
@PortalIntegrationTest
class GatewayEndpointIntegrationTests {

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired AuditDetails auditDetails;
  @Autowired GatewayAccounts accounts;
  @Autowired GatewayEndpoints endpoints;
  @Autowired EndpointDirectory directory;
  @Autowired EndpointAdministration administration;
  @Autowired GatewayAccess access;
  @Autowired GatewayClient client;
  @Autowired TenantService tenants;
  @Autowired JdbcTemplate jdbc;

  MockHttpSession acme;
  MockHttpSession admin;
  long acmeId;
  long simulator;
  OpenedAccount gw;

  /** A server of the attacker's: every request it gets is counted. */
  HttpServer attacker;

  final AtomicInteger attackerRequests = new AtomicInteger();

  @BeforeEach
  void setUp() throws Exception {
    acme = Logins.as(mvc, "acme");
    admin = Logins.as(mvc, "admin");
    acmeId = tenants.findByName("Acme").orElseThrow().id();
    simulator = TestEndpoints.of(endpoints, TestEndpoints.simulator(port));
    gw = new SimulatorControl(port).open("ep", 1_000);
    attacker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    attacker.createContext(
        "/",
        exchange -> {
          attackerRequests.incrementAndGet();
          byte[] body = "<returnsms><returnstatus>Sucess</returnstatus></returnsms>".getBytes();
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    attacker.start();
  }

  @AfterEach
  void stopAttacker() {
    attacker.stop(0);
  }

  // ---- the attack

  @Test
  void pointingAnAccountAtAnotherEndpointNeedsThePasswordAndNoRequestReachesAnyOtherHost()
      throws Exception {
    long theirs = createEndpoint(unique("Their server"), attackerUrl());
    long id = acmeAccount(unique("Main"), gw);
    MockHttpSession support = Logins.as(mvc, "support");

    for (MockHttpSession who : List.of(acme, support)) {
      String before = row(id);
      MockHttpServletResponse moved =
          send(who, post("/accounts/" + id), PostedForms.account("Main", theirs, gw, ""));
      assertThat(moved.getStatus()).isEqualTo(200);
      assertThat(moved.getContentAsString())
          .contains("id=\"password-error\">接入点、企业 ID 或账号已更改，请重新输入此账户的密码");
      assertThat(row(id)).isEqualTo(before);
      // The field of old, a typed address, is no longer read at all.
      MockHttpServletResponse typed =
          send(
              who,
              post("/accounts/" + id),
              PostedForms.account(nameOf(id), simulator, gw, ""),
              "baseUrl",
              attackerUrl());
      assertThat(typed.getRedirectedUrl()).isEqualTo("/accounts/" + id);
      assertThat(endpointOf(id)).isEqualTo(simulator);

      String tested = testConnection(who, id);
      assertThat(tested).contains("id=\"connection-ok\"");
      send(who, post("/send/keywords"), new String[] {"accountId", "" + id, "content", "你好"});
    }
    TenantContext.runAs(acmeId, () -> answer(access.call(id, AccountGateway::overage)));

    assertThat(attackerRequests).as("requests that reached the attacker's server").hasValue(0);
  }

  @Test
  void theGatewayClientRefusesAnyAddressThatIsNotAnActiveEndpoint() {
    GatewayLogin typed =
        new GatewayLogin(attackerUrl(), GatewayCharset.UTF8, gw.userid(), gw.account(), "pw");

    GatewayException refused =
        catchThrowableOfType(GatewayException.class, () -> client.overage(typed));

    assertThat(refused.error()).isEqualTo(GatewayError.ENDPOINT_NOT_ALLOWED);
    assertThat(attackerRequests).hasValue(0);

    long retired = createEndpoint(unique("Retired"), attackerUrl());
    act(admin, "/admin/endpoints/" + retired + "/retire");
    refused = catchThrowableOfType(GatewayException.class, () -> client.overage(typed));
    assertThat(refused.error()).isEqualTo(GatewayError.ENDPOINT_NOT_ALLOWED);
    assertThat(attackerRequests).hasValue(0);
  }

  @Test
  void withThePasswordTheAccountMovesToTheNewEndpointAndTheAuditHasOldAndNewValues()
      throws Exception {
    long id = acmeAccount(unique("Movable"), gw);
    String otherSpelling = "http://localhost:" + port + "/simulator";
    long other = TestEndpoints.of(endpoints, otherSpelling);

    MockHttpServletResponse moved =
        send(
            acme,
            post("/accounts/" + id),
            PostedForms.account(nameOf(id), other, gw, gw.password()));

    assertThat(moved.getRedirectedUrl()).isEqualTo("/accounts/" + id);
    assertThat(endpointOf(id)).isEqualTo(other);
    assertThat(testConnection(acme, id)).contains("id=\"connection-ok\"");
    String detail =
        auditDetails.text(
            jdbc.queryForObject(
                "select detail from audit_event where action = 'CREDENTIALS_CHANGED' and target = ?"
                    + " order by id desc limit 1",
                String.class,
                nameOf(id)),
            Locale.ENGLISH);
    assertThat(detail)
        .contains("Gateway endpoint: " + directory.find(simulator).orElseThrow().name())
        .contains("→ " + directory.find(other).orElseThrow().name())
        .contains("Password entered again")
        .doesNotContain(gw.password());
  }

  // ---- endpoints are the administrators'

  @Test
  void onlyAdministratorsSeeOrManageEndpoints() throws Exception {
    String kept = "http://kept-" + UUID.randomUUID() + ".example";
    long existing = createEndpoint(unique("Kept"), kept);
    int before = endpointCount();
    for (MockHttpSession who : List.of(acme, Logins.as(mvc, "support"))) {
      for (String path :
          List.of("/admin/endpoints", "/admin/endpoints/new", "/admin/endpoints/" + existing)) {
        assertThat(send(who, get(path), null).getStatus()).as(path).isEqualTo(403);
      }
      for (String path :
          List.of(
              "/admin/endpoints",
              "/admin/endpoints/" + existing,
              "/admin/endpoints/" + existing + "/retire")) {
        MockHttpServletResponse response =
            send(who, post(path), endpointForm("Sneaky", "http://evil.example"));
        assertThat(response.getStatus()).as(path).isEqualTo(403);
      }
    }
    assertThat(endpointCount()).isEqualTo(before);
    assertThat(directory.find(existing).orElseThrow().active()).isTrue();
    assertThat(directory.find(existing).orElseThrow().baseUrl()).isEqualTo(kept);
  }

  @Test
  void anAdministratorAddsChangesRetiresAndReactivatesAnEndpointEachChangeAudited()
      throws Exception {
    String name = unique("聚合云 备用");
    long id = createEndpoint(name, " HTTP://GW-" + name.hashCode() + ".Example.COM:8088/ ");
    String url = "http://gw-" + name.hashCode() + ".example.com:8088";
    assertThat(directory.find(id).orElseThrow().baseUrl()).isEqualTo(url);
    assertThat(page(admin, "/admin/endpoints")).contains(name).contains(url);
    String customerForm = page(acme, "/accounts/new");
    assertThat(customerForm).contains(name).doesNotContain(url);

    MockHttpServletResponse sameName =
        send(admin, post("/admin/endpoints"), endpointForm(name, "http://another.example"));
    assertThat(sameName.getContentAsString()).contains("id=\"name-error\">已有同名的接入点。</p>");
    MockHttpServletResponse sameUrl =
        send(admin, post("/admin/endpoints"), endpointForm(unique("x"), url.toUpperCase() + "/"));
    assertThat(sameUrl.getContentAsString()).contains("id=\"baseUrl-error\">已有接入点使用这个地址。</p>");
    for (String bad : List.of("ftp://x", "http://user@host.example", "http://h.example/?q=1", "")) {
      MockHttpServletResponse refused =
          send(admin, post("/admin/endpoints"), endpointForm(unique("bad"), bad));
      assertThat(refused.getContentAsString()).as(bad).contains("id=\"baseUrl-error\"");
    }

    String renamed = unique("聚合云 备用2");
    String moved = "https://gw2-" + UUID.randomUUID() + ".example";
    MockHttpServletResponse changed =
        send(admin, post("/admin/endpoints/" + id), endpointForm(renamed, moved));
    assertThat(changed.getRedirectedUrl()).isEqualTo("/admin/endpoints/" + id);
    assertThat(lastAudit("ENDPOINT_CHANGED", id))
        .contains("Name: " + name + " → " + renamed)
        .contains("Base URL: " + url + " → " + moved);

    act(admin, "/admin/endpoints/" + id + "/retire");
    assertThat(directory.find(id).orElseThrow().active()).isFalse();
    assertThat(page(acme, "/accounts/new")).doesNotContain(renamed);
    assertThat(lastAudit("ENDPOINT_RETIRED", id)).isEqualTo("Status: Active → Retired");

    act(admin, "/admin/endpoints/" + id + "/reactivate");
    assertThat(directory.find(id).orElseThrow().active()).isTrue();
    assertThat(page(acme, "/accounts/new")).contains(renamed);
    assertThat(lastAudit("ENDPOINT_REACTIVATED", id)).isEqualTo("Status: Retired → Active");
    assertThat(page(admin, "/admin/endpoints/" + id + "?lang=en")).contains("Gateway endpoints");
  }

  @Test
  void anEndpointInUseIsNotRetiredAndTheAdministratorSeesTheAccountsOnIt() throws Exception {
    long id = createEndpoint(unique("Busy"), "http://busy-" + UUID.randomUUID() + ".example");
    String name = unique("On busy");
    long account = acmeAccountOn(id, name, "10001", unique("busy"), "pw-busy-1");

    // The page offers no retiring while the account uses it: the reason, and a disabled button.
    assertThat(page(admin, "/admin/endpoints/" + id))
        .contains("id=\"retire-unavailable\"")
        .contains("仍有 1 个网关账户使用此接入点（见上表），不能停用")
        .doesNotContain("id=\"retire-form\"");
    assertThat(page(admin, "/admin/endpoints/" + id + "?lang=en"))
        .contains("It cannot be retired while 1 gateway account(s) use it");

    // A request all the same (a page open since before the account joined) is refused.
    MockHttpServletResponse refused = send(admin, post("/admin/endpoints/" + id + "/retire"), null);

    assertThat(refused.getStatus()).isEqualTo(200);
    assertThat(refused.getContentAsString())
        .contains("id=\"retire-refused\"")
        .contains("仍有 1 个网关账户使用此接入点")
        .contains(name)
        .contains(">Acme</td>")
        .contains("/accounts/" + account);
    assertThat(directory.find(id).orElseThrow().active()).isTrue();
  }

  @Test
  void aRetiredOrUnknownEndpointCannotBeChosenAndNothingIsStored() throws Exception {
    long retired = createEndpoint(unique("Old"), "http://old-" + UUID.randomUUID() + ".example");
    act(admin, "/admin/endpoints/" + retired + "/retire");
    long id = acmeAccount(unique("Main"), gw);
    String before = row(id);
    int count = accountCount();

    for (String endpoint : List.of(String.valueOf(retired), "987654321")) {
      MockHttpServletResponse created =
          send(
              acme,
              post("/accounts"),
              PostedForms.account(unique("New"), simulator, gw, "pw-new-1"),
              "endpointId",
              endpoint,
              "account",
              unique("fresh"));
      assertThat(created.getContentAsString())
          .as(endpoint)
          .contains("id=\"endpointId-error\">请从列表中选择一个可用的网关接入点。</p>");
      MockHttpServletResponse edited =
          send(
              acme,
              post("/accounts/" + id),
              PostedForms.account(nameOf(id), simulator, gw, gw.password()),
              "endpointId",
              endpoint);
      assertThat(edited.getContentAsString())
          .contains("id=\"endpointId-error\">请从列表中选择一个可用的网关接入点。</p>");
    }
    assertThat(accountCount()).isEqualTo(count);
    assertThat(row(id)).isEqualTo(before);
  }

  // ---- one gateway account, one portal account (claims: GatewayIdentityClaimIntegrationTests)

  @Test
  void gatewayAccountsRegisteredTwiceBeforeTheRuleAreListedForTheAdministrator() throws Exception {
    String first = unique("Twin-1");
    long id = acmeAccount(first, gw);
    String second = unique("Twin-2");
    // As the migration leaves them: a later duplicate, not claiming the identity.
    jdbc.update(
        "insert into gateway_account (tenant_id, name, endpoint_id, endpoint_charset, userid,"
            + " account_name, account_key, identity_claimed, password_ciphertext, chunk_size,"
            + " extno_supported, active, created_at, updated_at, rotation_state,"
            + " identity_verified_at)"
            + " select tenant_id, ?, endpoint_id, endpoint_charset, userid, account_name,"
            + " account_key, NULL, password_ciphertext, chunk_size, extno_supported, active,"
            + " created_at, updated_at, 'NONE', updated_at from gateway_account where id = ?",
        second,
        id);
    long twin =
        jdbc.queryForObject("select id from gateway_account where name = ?", Long.class, second);

    String page = page(admin, "/admin/endpoints");
    String shared = page.substring(page.indexOf("id=\"shared-table\""));
    assertThat(shared).contains(first).contains(second).contains("需要处理").contains("（最先登记）");

    // Deactivating the later one leaves one poller for the gateway account.
    jdbc.update("update gateway_account set active = FALSE where id = ?", twin);
    assertThat(administration.sharedIdentities())
        .filteredOn(g -> g.accounts().stream().anyMatch(a -> a.accountId() == id))
        .singleElement()
        .satisfies(g -> assertThat(g.needsAction()).isFalse());
  }

  // ---- the password is bound to where it goes

  @Test
  void aPasswordCopiedFromAnotherRowIsRefusedAndTheAccountAsksForItAgain() throws Exception {
    long donor = acmeAccount(unique("Donor"), gw);
    OpenedAccount other = new SimulatorControl(port).open("other", 10);
    long id = acmeAccount(unique("Receiver"), other);
    jdbc.update(
        "update gateway_account set password_ciphertext ="
            + " (select p from (select password_ciphertext p from gateway_account where id = ?) d)"
            + " where id = ?",
        donor,
        id);

    assertPasswordNeeded(id);

    MockHttpServletResponse entered =
        send(
            acme,
            post("/accounts/" + id),
            PostedForms.account(nameOf(id), simulator, other, other.password()));
    assertThat(entered.getRedirectedUrl()).isEqualTo("/accounts/" + id);
    assertThat(page(acme, "/accounts/" + id)).doesNotContain("id=\"password-needed\"");
    assertThat(testConnection(acme, id)).contains("id=\"connection-ok\"");
    assertThat(testConnection(acme, donor)).contains("id=\"connection-ok\"");
  }

  @Test
  void aPasswordLeftBehindWhenTheRowIsPointedElsewhereBehindThePortalsBackIsRefused()
      throws Exception {
    long theirs = createEndpoint(unique("Theirs"), attackerUrl());
    long id = acmeAccount(unique("Redirected"), gw);
    jdbc.update("update gateway_account set endpoint_id = ? where id = ?", theirs, id);

    assertPasswordNeeded(id);
    assertThat(attackerRequests).hasValue(0);

    jdbc.update(
        "update gateway_account set endpoint_id = ?, userid = '1' where id = ?", simulator, id);
    assertPasswordNeeded(id);
  }

  private void assertPasswordNeeded(long id) throws Exception {
    String page = page(acme, "/accounts/" + id);
    assertThat(page).contains("id=\"password-needed\"").contains("此账户保存的密码需要重新输入。");
    assertThat(testConnection(acme, id)).contains("此账户保存的密码需要重新输入。");
    assertThat(
            unusable(TenantContext.callAs(acmeId, () -> access.call(id, AccountGateway::overage))))
        .contains(Unusable.PASSWORD_NEEDED);
  }

  // ---- support

  private long createEndpoint(String name, String baseUrl) {
    MockHttpServletResponse response =
        send(admin, post("/admin/endpoints"), endpointForm(name, baseUrl));
    String target = response.getRedirectedUrl();
    assertThat(target).as(contentOf(response)).startsWith("/admin/endpoints/");
    return Long.parseLong(target.substring("/admin/endpoints/".length()));
  }

  private long acmeAccount(String name, OpenedAccount account) {
    return acmeAccountOn(simulator, name, account.userid(), account.account(), account.password());
  }

  private long acmeAccountOn(
      long endpoint, String name, String userid, String account, String password) {
    return TenantContext.callAs(
        acmeId,
        () -> accounts.ensure(name, endpoint, GatewayCharset.UTF8, userid, account, password));
  }

  private String testConnection(MockHttpSession who, long id) {
    return contentOf(
        send(who, post("/accounts/" + id + "/test-connection").header("HX-Request", "true"), null));
  }

  private String[] endpointForm(String name, String baseUrl) {
    return new String[] {"name", name, "baseUrl", baseUrl, "defaultCharset", "UTF8", "note", ""};
  }

  private MockHttpServletResponse send(
      MockHttpSession session,
      MockHttpServletRequestBuilder request,
      String[] fields,
      String... more) {
    return PostedForms.send(mvc, session, request, fields, more);
  }

  private void act(MockHttpSession session, String path) {
    MockHttpServletResponse response = send(session, post(path), null);
    assertThat(response.getStatus()).as(path + ": " + contentOf(response)).isEqualTo(302);
  }

  private String page(MockHttpSession session, String path) {
    MockHttpServletResponse response = send(session, get(path), null);
    assertThat(response.getStatus()).as(path).isEqualTo(200);
    return contentOf(response);
  }

  private static String contentOf(MockHttpServletResponse response) {
    try {
      return response.getContentAsString(StandardCharsets.UTF_8);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** The endpoint's latest audit detail of this action, as an English reader sees it. */
  private String lastAudit(String action, long endpoint) {
    return auditDetails.text(
        jdbc.queryForObject(
            "select detail from audit_event where action = ? and target like ?"
                + " order by id desc limit 1",
            String.class,
            action,
            AuditDetail.of("audit.target.endpoint", endpoint).encode() + "\u001F%"),
        Locale.ENGLISH);
  }

  private String attackerUrl() {
    return "http://127.0.0.1:" + attacker.getAddress().getPort();
  }

  private String nameOf(long id) {
    return jdbc.queryForObject("select name from gateway_account where id = ?", String.class, id);
  }

  private long endpointOf(long id) {
    return jdbc.queryForObject(
        "select endpoint_id from gateway_account where id = ?", Long.class, id);
  }

  private String row(long id) {
    return jdbc.queryForList("select * from gateway_account where id = ?", id).toString();
  }

  private int accountCount() {
    return jdbc.queryForObject("select count(*) from gateway_account", Integer.class);
  }

  private int endpointCount() {
    return jdbc.queryForObject("select count(*) from gateway_endpoint", Integer.class);
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
