package com.smsportal.polling;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.DatabaseDependent;
import com.smsportal.Logins;
import com.smsportal.PortalHttpClient;
import com.smsportal.PortalHttpTest;
import com.smsportal.TestEndpoints;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.gatewayaccount.GatewayEndpoints;
import com.smsportal.node.NodeIdentity;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code /admin/pollers} over real HTTP: an administrator sees each account's poller health and the
 * stored answers that need attention, shown escaped; nobody else sees the page.
 */
@DatabaseDependent("the holder of each account's poll lock, read from ShedLock's table")
@PortalHttpTest
class PollersPageIntegrationTests {

  @LocalServerPort int port;

  @Autowired GatewayAccounts accounts;

  @Autowired GatewayEndpoints endpoints;
  @Autowired TenantService tenants;
  @Autowired RawInbox inbox;
  @Autowired PollerStates states;
  @Autowired PollIngest ingest;
  @Autowired JdbcTemplate jdbc;
  @Autowired NodeIdentity node;

  @Test
  void anAdministratorSeesEachAccountsHealthAndTheAnswersNeedingAttention() throws Exception {
    String tenantName = "Pollers " + UUID.randomUUID().toString().substring(0, 8);
    long tenant = tenants.create(tenantName).id();
    long account =
        TenantContext.callAs(
            tenant,
            () ->
                accounts.ensure(
                    "pollers-page",
                    TestEndpoints.of(endpoints, "http://127.0.0.1:9/x"),
                    GatewayCharset.UTF8,
                    "1",
                    // A gateway account of this tenant's own: each is registered once.
                    tenantName,
                    "pw"));
    Instant now = Instant.now();
    states.failed(account, tenant, now, "UPSTREAM_GARBAGE: <b>HTTP 500</b>", now.plusSeconds(40));
    long unreadable =
        inbox.store(
            tenant,
            account,
            InboxKind.REPORTS,
            RawInbox.POLL,
            now,
            "<html><script>x</script>",
            null);
    ingest.process(inbox.find(unreadable).orElseThrow());
    // Two reports that arrived whole in an answer cut off on its way.
    long recovered =
        inbox.store(
            tenant,
            account,
            InboxKind.REPORTS,
            RawInbox.RECOVERED,
            now,
            "<returnsms>"
                + "<statusbox><mobile>13900000001</mobile><taskid>1</taskid><status>10</status>"
                + "<receivetime>2026-12-07 10:00:00</receivetime><errorcode>DELIVRD</errorcode>"
                + "<extno></extno></statusbox>"
                + "<statusbox><mobile>13900000002</mobile><taskid>1</taskid><status>10</status>"
                + "<receivetime>2026-12-07 10:00:00</receivetime><errorcode>DELIVRD</errorcode>"
                + "<extno></extno></statusbox></returnsms>",
            UUID.randomUUID().toString());
    ingest.process(inbox.find(recovered).orElseThrow());

    PortalHttpClient admin = new PortalHttpClient(port);
    admin.logIn("admin", Logins.DEMO_PASSWORD);
    HttpResponse<String> page = admin.get("/admin/pollers?lang=en");

    assertThat(page.statusCode()).isEqualTo(200);
    String row = rowOf(page.body(), "poller-" + account);
    assertThat(row)
        .contains("pollers-page", tenantName, "failing, 1 in a row")
        .contains("The gateway answered something unreadable.")
        .contains("The gateway said: &lt;b&gt;HTTP 500&lt;/b&gt;")
        .doesNotContain("UPSTREAM_GARBAGE")
        .contains("<td class=\"num recovered\">2</td>");
    assertThat(page.body())
        .contains("Recovered: items that had arrived whole")
        .contains("an answer whose transfer was cut off");
    assertThat(page.body()).contains("/admin/pollers/answers/" + unreadable);

    HttpResponse<String> answer = admin.get("/admin/pollers/answers/" + unreadable + "?lang=en");
    assertThat(answer.body())
        .contains("&lt;html&gt;&lt;script&gt;x&lt;/script&gt;")
        .doesNotContain("<script>x</script>")
        .contains("Unreadable");

    PortalHttpClient support = new PortalHttpClient(port);
    support.logIn("support", Logins.DEMO_PASSWORD);
    assertThat(support.get("/admin/pollers").statusCode()).isEqualTo(403);
  }

  @Test
  void eachAccountsRowNamesTheNodeThatHoldsItsPollLock() throws Exception {
    String tenantName = "Locks " + UUID.randomUUID().toString().substring(0, 8);
    long tenant = tenants.create(tenantName).id();
    long account =
        TenantContext.callAs(
            tenant,
            () ->
                accounts.ensure(
                    "locked-elsewhere",
                    TestEndpoints.of(endpoints, "http://127.0.0.1:9/x"),
                    GatewayCharset.UTF8,
                    "1",
                    tenantName,
                    "pw"));
    // Another node of the cluster is polling this account now (database time, as ShedLock's).
    jdbc.update(
        "insert into shedlock (name, lock_until, locked_at, locked_by) values (?,"
            + " TIMESTAMPADD(SECOND, 60, CURRENT_TIMESTAMP(3)), CURRENT_TIMESTAMP(3), ?)",
        PollLocks.name(account),
        "node-elsewhere");
    try {
      PortalHttpClient admin = new PortalHttpClient(port);
      admin.logIn("admin", Logins.DEMO_PASSWORD);
      String body = admin.get("/admin/pollers?lang=en").body();

      assertThat(rowOf(body, "poller-" + account)).contains("node-elsewhere", "polling now");
      assertThat(body).contains("This page was served by node " + node.id() + ".");
    } finally {
      jdbc.update("delete from shedlock where name = ?", PollLocks.name(account));
    }
  }

  private static String rowOf(String html, String id) {
    int start = html.indexOf("id=\"" + id + "\"");
    assertThat(start).as("row " + id).isPositive();
    return html.substring(start, html.indexOf("</tr>", start));
  }
}
