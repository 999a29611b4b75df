package com.smsportal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.smsportal.DatabaseDependent;
import com.smsportal.Logins;
import com.smsportal.MutableClock;
import com.smsportal.PortalIntegrationTest;
import com.smsportal.PortalTestBeans;
import com.smsportal.SimulatorControl;
import com.smsportal.TestEndpoints;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.gatewayaccount.GatewayEndpoints;
import com.smsportal.sending.SendFixtures;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantDetails;
import com.smsportal.tenant.TenantService;
import com.smsportal.user.Role;
import com.smsportal.user.UserService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import net.ttddyy.dsproxy.QueryCountHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Support's dashboard (issue 23): the accounts below their low-balance threshold as last read, the
 * pollers whose last round failed with the error's sentence, and today's sends of every tenant,
 * each from what is stored and each with an empty state; its cost in statements does not grow with
 * its rows. Each test makes a tenant of its own; the clock stands still and is moved to a day of
 * its own where a figure must start empty.
 */
@DatabaseDependent(
    "native SQL across tenants (joins, thresholds by coalesce, limits) and a sum over a China day")
@PortalIntegrationTest
class StaffDashboardIntegrationTests {

  static final String PASSWORD = "staff-dashboard-password-1";

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired MutableClock clock;
  @Autowired TenantService tenants;
  @Autowired UserService users;
  @Autowired GatewayAccounts accounts;
  @Autowired GatewayEndpoints endpoints;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext context;

  SimulatorControl simulator;
  long tenant;
  String tenantName;
  String customerName;
  MockHttpSession customer;
  MockHttpSession support;

  @BeforeEach
  void setUp() throws Exception {
    clock.stop();
    simulator = new SimulatorControl(port);
    tenantName = "staff-" + UUID.randomUUID();
    tenant = tenants.create(new TenantDetails(tenantName, null, null, 5000L)).id();
    customerName = "staff" + UUID.randomUUID().toString().substring(0, 8);
    users.create(customerName, PASSWORD, Role.TENANT_ADMIN, tenant);
    customer = Logins.as(mvc, customerName, PASSWORD);
    support = Logins.as(mvc, "support");
  }

  @AfterEach
  void runTheClockAgain() {
    clock.reset();
  }

  @Test
  void aBalanceReadBelowTheTenantsThresholdIsListedWithALinkToTheTenantUntilItRises()
      throws Exception {
    SimulatorControl.OpenedAccount opened = simulator.open("acme", 4999);
    long account = account(opened);

    page(customer, "/dashboard/balances", true); // the customer's dashboard asks the gateway
    String staff = page(support, "/", false);
    assertThat(staff)
        .contains("id=\"staff-low-" + account + "\"")
        .contains("href=\"/support/tenants/" + tenant + "\"")
        .contains(">" + tenantName + "<")
        .contains("4,999 条")
        .contains("5,000 条");

    simulator.balance(opened.account(), 6000);
    clock.advance(Duration.ofMinutes(2)); // past the kept answer
    page(customer, "/dashboard/balances", true);
    assertThat(page(support, "/", false)).doesNotContain("id=\"staff-low-" + account + "\"");
  }

  @Test
  void aPollerWhoseLastRoundFailedIsListedWithTheErrorsSentenceUntilARoundSucceeds()
      throws Exception {
    long account = account(simulator.open("acme", 100_000));
    jdbc.update(
        "insert into poller_state (account_id, tenant_id, last_error_at, last_error, failures,"
            + " fetched_today) values (?, ?, ?, ?, 3, 0)",
        account,
        tenant,
        LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
        "WRONG_CREDENTIALS: 用户名或密码错误");

    String staff = page(support, "/", false);
    assertThat(staff)
        .contains("id=\"staff-poller-" + account + "\"")
        .contains("网关拒绝了该网关账号的用户名或密码。")
        .contains("用户名或密码错误")
        .doesNotContain("WRONG_CREDENTIALS");
    assertThat(page(support, "/?lang=en", false))
        .contains("The gateway refused this gateway account&#39;s user name or password.");

    jdbc.update("update poller_state set failures = 0 where account_id = ?", account);
    assertThat(page(support, "/", false)).doesNotContain("id=\"staff-poller-" + account + "\"");
  }

  @Test
  void todaysVolumeCountsTheNumbersTheGatewayAcceptedTodayAndTheirBilledSegments()
      throws Exception {
    clock.advance(Duration.ofDays(3000)); // a day no other test sends on
    support = Logins.as(mvc, "support"); // the sessions of before have expired
    assertThat(page(support, "/", false)).contains("id=\"staff-today-empty\"");
    long account = account(simulator.open("acme", 100_000));
    SendFixtures sends = new SendFixtures(context);
    long job = sends.accepted(tenant, account, clock.instant(), 2, 1, 4);
    jdbc.update("update send_job set segments = 3 where id = ?", job);
    sends.accepted(tenant, account, clock.instant().minus(Duration.ofDays(1)), 5, 0, 0);
    sends.rejected(tenant, account, clock.instant(), 9);

    String staff = page(support, "/", false);
    assertThat(staff).doesNotContain("id=\"staff-today-empty\"");
    assertThat(staff).contains("id=\"staff-today-numbers\">7<");
    assertThat(staff).contains("id=\"staff-today-segments\">21 条<");
    assertThat(staff).contains("id=\"staff-today-tenants\">1<");
    assertThat(staff).contains("id=\"staff-today-count\">7<");
  }

  @Test
  void aHealthyPortalShowsEachFiguresEmptyStateInBothLanguages() throws Exception {
    // The figures are the whole portal's: make it healthy first. The readings are a cache of the
    // gateway's answers (the next dashboard asks again); no poller runs in this context.
    jdbc.update("delete from balance_reading");
    jdbc.update("update poller_state set failures = 0 where failures > 0");
    clock.advance(Duration.ofDays(4000));
    support = Logins.as(mvc, "support"); // the sessions of before have expired
    customer = Logins.as(mvc, customerName, PASSWORD);

    String zh = page(support, "/", false);
    assertThat(zh)
        .contains("id=\"staff-low-empty\"")
        .contains("没有余额低于预警值的账户。")
        .contains("id=\"staff-pollers-empty\"")
        .contains("id=\"staff-today-empty\"")
        .contains("今天还没有发送短信。")
        .contains("id=\"staff-low-count\">0<")
        .doesNotContain("id=\"staff-low-table\"")
        .doesNotContain("id=\"staff-pollers-table\"");
    assertThat(page(support, "/?lang=en", false))
        .contains("No account is below its low-balance threshold.")
        .contains("Nothing has been sent today.");
    assertThat(page(customer, "/", false))
        .as("a customer never sees the portal's figures")
        .doesNotContain("id=\"staff-low-balances\"")
        .doesNotContain("id=\"staff-today\"");
  }

  @Test
  void theStaffDashboardCostsTheSameStatementsWithMoreLowBalancesAndFailingPollers()
      throws Exception {
    low(account(simulator.open("acme", 10)));
    long few = statements();
    for (int i = 0; i < 3; i++) {
      long account = account(simulator.open("acme", 10));
      low(account);
      jdbc.update(
          "insert into poller_state (account_id, tenant_id, last_error_at, last_error, failures,"
              + " fetched_today) values (?, ?, ?, 'TIMEOUT', 1, 0)",
          account,
          tenant,
          LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    }
    assertThat(statements()).isEqualTo(few);
  }

  private void low(long account) {
    jdbc.update(
        "insert into balance_reading (account_id, tenant_id, overage, read_at) values (?, ?, 1, ?)",
        account,
        tenant,
        LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
  }

  private long statements() throws Exception {
    page(support, "/", false);
    QueryCountHolder.clear();
    page(support, "/", false);
    long total = QueryCountHolder.get(PortalTestBeans.COUNTED).getTotal();
    QueryCountHolder.clear();
    return total;
  }

  private long account(SimulatorControl.OpenedAccount opened) {
    return TenantContext.callAs(
        tenant,
        () ->
            accounts.ensure(
                "staff-" + UUID.randomUUID(),
                TestEndpoints.of(endpoints, TestEndpoints.simulator(port)),
                GatewayCharset.UTF8,
                opened.userid(),
                opened.account(),
                opened.password()));
  }

  private String page(MockHttpSession session, String path, boolean htmx) throws Exception {
    var request = get(path).session(session);
    if (htmx) {
      request.header("HX-Request", "true");
    }
    var response = mvc.perform(request).andReturn().getResponse();
    assertThat(response.getStatus()).as(path).isEqualTo(200);
    return response.getContentAsString(StandardCharsets.UTF_8);
  }
}
