package com.smsportal.mobile;

import static com.smsportal.PageWindow.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.smsportal.DatabaseDependent;
import com.smsportal.ListTenants;
import com.smsportal.Logins;
import com.smsportal.PortalIntegrationTest;
import com.smsportal.gateway.Reply;
import com.smsportal.gateway.StatusReport;
import com.smsportal.receipts.StatusReports;
import com.smsportal.replies.Replies;
import com.smsportal.sending.OptOuts;
import com.smsportal.sending.SendFixtures;
import com.smsportal.tenant.TenantContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A number the gateway writes with the country code in front is the same number the portal sent to:
 * its report tells the sent number its outcome, its reply puts the number on the opt-out list, a
 * search for the number finds both, and the same report or reply fetched again in another spelling
 * is still stored once. (Ingested as the poller does, in the tenant's own context.)
 */
@DatabaseDependent(
    "a report or reply fetched again in another spelling is stored once: the ingest's unique keys")
@PortalIntegrationTest
class ReportedNumbersIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired ApplicationContext context;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate tx;
  @Autowired StatusReports statusReports;
  @Autowired Replies replies;
  @Autowired OptOuts optOuts;

  long tenant;
  long account;
  MockHttpSession customer;

  @BeforeEach
  void setUp() throws Exception {
    ListTenants.Customer own = new ListTenants(context).customer("numbers");
    tenant = own.tenantId();
    account = own.accountId();
    customer = Logins.as(mvc, own.username(), ListTenants.PASSWORD);
  }

  @Test
  void aReportWrittenWithTheCountryCodeTellsTheSentNumberAndIsFoundByIt() throws Exception {
    Instant sent = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    // Two numbers, 13900000000 and 13900000001, accepted under task id "T<job>".
    long job = new SendFixtures(context).accepted(tenant, account, sent, 0, 0, 2);
    String task = "T" + job;

    ingest(report("8613900000001", task, sent));
    ingest(report("+8613900000001", task, sent)); // the same report, fetched again

    assertThat(stateOf(job, "13900000001")).isEqualTo("DELIVERED");
    assertThat(stateOf(job, "13900000000")).isEqualTo("SUBMITTED");
    List<Long> stored =
        jdbc.queryForList(
            "select id from status_report where account_id = ? and task_id = ?"
                + " and mobile = '13900000001' and job_id = ?",
            Long.class,
            account,
            task,
            job);
    assertThat(stored).hasSize(1);
    assertThat(count("select count(*) from status_report where account_id = ?", account))
        .isEqualTo(1);
    assertThat(ids(page("/receipts", "13900000001"))).containsExactlyElementsOf(stored);
    assertThat(ids(page("/receipts", "+86 139 0000 0001"))).containsExactlyElementsOf(stored);
  }

  @Test
  void aReplyWrittenWithTheCountryCodeOptsTheNumberOutAndIsFoundByIt() throws Exception {
    Instant at = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    ingest(reply("+8613900000005", "TD", at));
    ingest(reply("008613900000005", "TD", at)); // the same reply, fetched again

    List<Long> stored =
        jdbc.queryForList(
            "select id from reply where account_id = ? and mobile = '13900000005'",
            Long.class,
            account);
    assertThat(stored).hasSize(1);
    assertThat(count("select count(*) from reply where account_id = ?", account)).isEqualTo(1);
    assertThat(TenantContext.callAs(tenant, () -> optOuts.optedOut(List.of("13900000005"))))
        .containsExactly("13900000005");
    assertThat(ids(page("/replies", "13900000005"))).containsExactlyElementsOf(stored);
    assertThat(ids(page("/replies", "8613900000005"))).containsExactlyElementsOf(stored);
  }

  private static StatusReport report(String mobile, String task, Instant at) {
    return new StatusReport(mobile, task, StatusReport.DELIVERED, at, at.toString(), "DELIVRD", "");
  }

  private static Reply reply(String mobile, String content, Instant at) {
    return new Reply(mobile, "", content, at, at.toString(), "");
  }

  private void ingest(StatusReport report) {
    TenantContext.runAs(
        tenant,
        () ->
            tx.executeWithoutResult(
                s -> statusReports.ingest(tenant, account, 1, List.of(report), Instant.now())));
  }

  private void ingest(Reply reply) {
    TenantContext.runAs(
        tenant,
        () ->
            tx.executeWithoutResult(
                s -> replies.ingest(tenant, account, 1, List.of(reply), Instant.now())));
  }

  private String stateOf(long job, String mobile) {
    return jdbc.queryForObject(
        "select state from send_number where job_id = ? and mobile = ?", String.class, job, mobile);
  }

  private long count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }

  private String page(String path, String mobile) throws Exception {
    return mvc.perform(get(path).param("mobile", mobile).session(customer))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
