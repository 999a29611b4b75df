package com.smsportal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.smsportal.DatabaseDependent;
import com.smsportal.Logins;
import com.smsportal.MutableClock;
import com.smsportal.PortalIntegrationTest;
import com.smsportal.SimulatorControl;
import com.smsportal.TestEndpoints;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayAccountView;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.gatewayaccount.GatewayEndpoints;
import com.smsportal.sending.SendFixtures;
import com.smsportal.sending.SendJobs;
import com.smsportal.sending.SendOrder;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantDetails;
import com.smsportal.tenant.TenantService;
import com.smsportal.user.Role;
import com.smsportal.user.UserService;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The dashboard of a customer, against this context's simulator: each test has a tenant of its own
 * with its own user and gateway accounts, so what it sees is what it made.
 */
@DatabaseDependent(
    "sends and delivery rate per China day and jobs in progress: queries over time columns")
@PortalIntegrationTest
class DashboardIntegrationTests {

  static final String PASSWORD = "dashboard-password-1";
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired MutableClock clock;
  @Autowired TenantService tenants;
  @Autowired UserService users;
  @Autowired GatewayAccounts accounts;
  @Autowired GatewayEndpoints endpoints;
  @Autowired SendJobs jobs;
  @Autowired ApplicationContext context;

  SimulatorControl simulator;
  long tenant;
  MockHttpSession customer;

  /** The simulator accounts opened for this test, by kind. */
  private final java.util.Map<String, String> gateway = new java.util.HashMap<>();

  @BeforeEach
  void setUp() throws Exception {
    // The context's clock stands still during each test here, and only moves when told to.
    clock.stop();
    simulator = new SimulatorControl(port);
    simulator.post("/reset", java.util.Map.of());
    tenant = tenants.create("dash-" + UUID.randomUUID()).id();
    customer = customerOf(tenant);
  }

  @AfterEach
  void runTheClockAgain() {
    clock.reset();
  }

  @Test
  void theBalanceTheGatewayHoldsIsShownWithTheTimeItWasAsked() throws Exception {
    long account = simulatorAccount(tenant, "acme");
    simulator.balance(gw("acme"), 7321);

    String panel = balances();

    assertThat(valueOf(panel, account)).isEqualTo("7,321");
    assertThat(panel)
        // The balance says what it counts: billed messages.
        .contains("id=\"balance-unit-" + account + "\"")
        .contains(">条</span>")
        .contains("余额按计费条数计")
        .contains("id=\"balance-asof-" + account + "\"")
        .contains(new com.smsportal.web.Times().format(clock.instant()));
  }

  @Test
  void aBalanceIsKeptForTheCacheTimeUnlessRefreshed() throws Exception {
    long account = simulatorAccount(tenant, "acme");
    simulator.balance(gw("acme"), 7000);
    assertThat(valueOf(balances(), account)).isEqualTo("7,000");

    // The gateway's balance changes; within the cache time the dashboard does not ask again.
    simulator.balance(gw("acme"), 6500);
    clock.advance(Duration.ofSeconds(59));
    assertThat(valueOf(balances(), account)).isEqualTo("7,000");

    // The refresh button asks at once.
    assertThat(valueOf(refresh(), account)).isEqualTo("6,500");

    simulator.balance(gw("acme"), 6000);
    clock.advance(Duration.ofSeconds(30));
    assertThat(valueOf(balances(), account)).isEqualTo("6,500");
    clock.advance(Duration.ofSeconds(31));
    assertThat(valueOf(balances(), account)).isEqualTo("6,000");
  }

  @Test
  void aLowBalanceIsWarnedAtTheAccountsThresholdOrElseTheTenants() throws Exception {
    long a = simulatorAccount(tenant, "acme");
    long b = simulatorAccount(tenant, "bulk");
    tenants.update(tenant, new TenantDetails(tenantName(), null, null, 5000L));
    setAccountThreshold(b, "bulk", 100L);

    simulator.balance(gw("acme"), 4999);
    simulator.balance(gw("bulk"), 1000);
    String panel = refresh();
    assertThat(panel).contains("id=\"balance-low-" + a + "\"").contains("5,000");
    // B's own threshold (100) wins over the tenant's (5,000).
    assertThat(panel).doesNotContain("id=\"balance-low-" + b + "\"");

    simulator.balance(gw("acme"), 5000);
    simulator.balance(gw("bulk"), 99);
    panel = refresh();
    assertThat(panel).doesNotContain("id=\"balance-low-" + a + "\"");
    assertThat(panel).contains("id=\"balance-low-" + b + "\"");
  }

  @Test
  void aGatewayFaultIsExplainedOnThatAccountOnly() throws Exception {
    long healthy = simulatorAccount(tenant, "acme");
    long broken = simulatorAccount(tenant, "bulk");
    simulator.balance(gw("acme"), 4200);
    simulator.fault(gw("bulk"), "HTTP_500", 1);

    String panel = balances();

    assertThat(valueOf(panel, healthy)).isEqualTo("4,200");
    assertThat(panel)
        .contains("id=\"balance-error-" + broken + "\"")
        .contains("网关返回了无法识别的应答（HTTP 500），没有读到结果，请稍后再试。")
        // A balance sent nothing: no advice about resending.
        .doesNotContain("请勿直接重发")
        .doesNotContain("id=\"balance-error-" + healthy + "\"")
        .doesNotContain("id=\"balance-value-" + broken + "\"");
  }

  @Test
  void theDashboardPageItselfDoesNotWaitForTheGateway() throws Exception {
    long account = simulatorAccount(tenant, "acme");
    simulator.fault(gw("acme"), "HANG", 0);
    try {
      String page = page("/");
      assertThat(page)
          .contains("id=\"balances-loading\"")
          .contains("hx-get=\"/dashboard/balances\"")
          .doesNotContain("id=\"balance-" + account + "\"");
    } finally {
      simulator.fault(gw("acme"), "NONE", 0);
    }
  }

  @Test
  void jobsInProgressAreListedWithTheirProgressAndLink() throws Exception {
    assertThat(page("/")).contains("id=\"jobs-in-progress-empty\"");
    long account = simulatorAccount(tenant, "acme");
    long job =
        TenantContext.callAs(
            tenant,
            () ->
                jobs.submit(
                        new SendOrder(
                            account,
                            "13800138000\n13900139000",
                            "【聚合云】进行中",
                            null,
                            null,
                            UUID.randomUUID().toString()))
                    .jobId());
    // The send worker is off in these tests: the job stays open.
    String page = page("/");
    assertThat(page)
        .contains("id=\"job-in-progress-" + job + "\"")
        .contains("href=\"/jobs/" + job + "\"")
        .contains("已处理 0 / 2")
        .doesNotContain("id=\"jobs-in-progress-empty\"");
  }

  @Test
  void sendsAndDeliveryRatePerDayMatchTheJobsInBothPeriods() throws Exception {
    assertThat(page("/")).contains("id=\"sends-empty\"").doesNotContain("data-chart=\"sends\"");
    long account = simulatorAccount(tenant, "acme");
    SendFixtures fixtures = new SendFixtures(context);
    Instant now = clock.instant();
    fixtures.accepted(tenant, account, now, 2, 1, 0);
    fixtures.accepted(tenant, account, now.minus(Duration.ofDays(1)), 1, 0, 1);
    fixtures.accepted(tenant, account, now.minus(Duration.ofDays(10)), 4, 0, 0);
    LocalDate today = LocalDate.ofInstant(now, CHINA);

    String week = page("/");
    assertThat(week).contains("id=\"sends-chart-7\"").contains("data-days=\"7\"");
    assertThat(row(week, today)).contains(">3<", ">2<", ">1<", "66.7%");
    assertThat(row(week, today.minusDays(1))).contains(">2<", ">1<", ">0<", "100.0%");
    assertThat(row(week, today.minusDays(2))).contains(">0<", "—");
    assertThat(week).doesNotContain("data-day=\"" + today.minusDays(10) + "\"");
    // Counted by number, and said so: the balance falls by segments, this does not.
    assertThat(week).contains("共向 5 个号码发送，已送达 3 个，失败 1 个，送达率 75.0%（按号码计");

    String month =
        mvc.perform(get("/dashboard/sends?days=30").header("HX-Request", "true").session(customer))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(month.strip()).startsWith("<div id=\"sends-panel\"");
    assertThat(month).contains("data-days=\"30\"").contains("共向 9 个号码发送，已送达 7 个，失败 1 个");
    assertThat(row(month, today.minusDays(10))).contains(">4<", "100.0%");
    assertThat(month.split("data-day=\"", -1)).hasSize(31);
  }

  @Test
  void anotherTenantsAccountsAndSendsNeverAppear() throws Exception {
    long other = tenants.create("dash-other-" + UUID.randomUUID()).id();
    long foreign = simulatorAccount(other, "globex");
    String foreignName =
        TenantContext.callAs(other, () -> accounts.find(foreign)).orElseThrow().name();
    new SendFixtures(context).accepted(other, foreign, clock.instant(), 5, 0, 0);
    long own = simulatorAccount(tenant, "acme");

    String page = page("/");
    String panel = balances();
    assertThat(page).contains("id=\"sends-empty\"").doesNotContain(foreignName);
    assertThat(panel)
        .contains("id=\"balance-" + own + "\"")
        .doesNotContain("id=\"balance-" + foreign + "\"")
        .doesNotContain(foreignName);
    assertThat(
            mvc.perform(
                    get("/dashboard/balances/" + foreign)
                        .header("HX-Request", "true")
                        .session(customer))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(404);
  }

  @Test
  void staffKeepTheirDashboardAndHaveNoTenantPanels() throws Exception {
    MockHttpSession admin = Logins.as(mvc, "admin");
    MockHttpServletResponse page = mvc.perform(get("/").session(admin)).andReturn().getResponse();
    assertThat(page.getStatus()).isEqualTo(200);
    assertThat(page.getContentAsString())
        .contains("id=\"tenant-count\"")
        .doesNotContain("id=\"balances\"")
        .doesNotContain("id=\"sends-panel\"");
    assertThat(
            mvc.perform(get("/dashboard/balances").header("HX-Request", "true").session(admin))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(404);
  }

  @Test
  void theDashboardSpeaksEnglishToo() throws Exception {
    simulatorAccount(tenant, "acme");
    Cookie english = new Cookie("SMSPORTAL_LANG", "en");
    String page =
        mvc.perform(get("/").cookie(english).session(customer))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("Sends and delivery rate").contains("Jobs in progress");
    String panel = html(get("/dashboard/balances").cookie(english));
    assertThat(panel).contains("Refresh balances").contains("As of").contains(">messages</span>");
  }

  // ---- helpers

  private MockHttpSession customerOf(long tenantId) throws Exception {
    String name = "dash" + UUID.randomUUID().toString().substring(0, 8);
    users.create(name, PASSWORD, Role.TENANT_ADMIN, tenantId);
    return Logins.as(mvc, name, PASSWORD);
  }

  /**
   * A gateway account of the tenant on this context's simulator: a simulator account of its own,
   * opened for this test with the balance of the demo account of that kind.
   */
  private long simulatorAccount(long tenantId, String kind) throws Exception {
    long balance =
        switch (kind) {
          case "acme" -> 10_000;
          case "globex" -> 500;
          default -> 1_000_000;
        };
    SimulatorControl.OpenedAccount opened = simulator.open(kind, balance);
    gateway.put(kind, opened.account());
    return TenantContext.callAs(
        tenantId,
        () ->
            accounts.ensure(
                kind + "-" + UUID.randomUUID(),
                TestEndpoints.of(endpoints, simulatorUrl()),
                GatewayCharset.UTF8,
                opened.userid(),
                opened.account(),
                opened.password()));
  }

  /** The simulator account this test opened for a kind. */
  private String gw(String kind) {
    return gateway.get(kind);
  }

  /** Sets the account's own warning threshold through the account form, as the customer would. */
  private void setAccountThreshold(long account, String simulatorAccount, long threshold)
      throws Exception {
    GatewayAccountView view =
        TenantContext.callAs(tenant, () -> accounts.find(account)).orElseThrow();
    String name = view.name();
    MockHttpServletResponse saved =
        mvc.perform(
                post("/accounts/" + account)
                    .param("name", name)
                    .param("endpointId", String.valueOf(view.endpointId()))
                    .param("charset", "UTF8")
                    .param("userid", view.userid())
                    .param("account", view.account())
                    .param("password", "")
                    .param("passwordConfirmation", "")
                    .param("chunkSize", "1000")
                    .param("extnoSupported", "false")
                    .param("active", "true")
                    .param("lowBalanceThreshold", Long.toString(threshold))
                    .session(customer)
                    .with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(saved.getRedirectedUrl()).isEqualTo("/accounts/" + account);
    assertThat(TenantContext.callAs(tenant, () -> accounts.find(account)).orElseThrow())
        .satisfies(v -> assertThat(v.lowBalanceThreshold()).isEqualTo(threshold));
  }

  private String simulatorUrl() {
    return TestEndpoints.simulator(port);
  }

  private String tenantName() {
    return tenants.find(tenant).orElseThrow().name();
  }

  private String balances() throws Exception {
    return html(get("/dashboard/balances"));
  }

  private String refresh() throws Exception {
    return html(post("/dashboard/balances/refresh").with(csrf()));
  }

  private String html(MockHttpServletRequestBuilder request) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(request.header("HX-Request", "true").session(customer))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).isEqualTo(200);
    return response.getContentAsString();
  }

  private String page(String path) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(get(path).session(customer)).andReturn().getResponse();
    assertThat(response.getStatus()).isEqualTo(200);
    return response.getContentAsString();
  }

  private static String valueOf(String panel, long account) {
    Matcher m = Pattern.compile("id=\"balance-value-" + account + "\">([^<]*)<").matcher(panel);
    assertThat(m.find()).as("balance of account " + account + " in " + panel).isTrue();
    return m.group(1);
  }

  private static String row(String html, LocalDate day) {
    Matcher m =
        Pattern.compile("<tr data-day=\"" + day + "\">(.*?)</tr>", Pattern.DOTALL).matcher(html);
    assertThat(m.find()).as("row of " + day).isTrue();
    return m.group(1);
  }
}
