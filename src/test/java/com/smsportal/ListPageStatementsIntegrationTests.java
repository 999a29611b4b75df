package com.smsportal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.smsportal.PolledRows.Reply;
import com.smsportal.PolledRows.Report;
import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.sending.OptOuts;
import com.smsportal.tenant.TenantContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.ttddyy.dsproxy.QueryCountHolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every list page costs the same number of SQL statements whatever the number of its rows: no page
 * asks the database once per row (N+1). Each page is counted for a tenant with a few rows and for
 * one with pages of them (staff pages: before and after many more rows), through a counting proxy
 * around the application's data source ({@link PortalTestBeans}).
 */
@DatabaseDependent(
    "every list page's queries on the dialect, counted as Hibernate issues them there")
@PortalIntegrationTest
class ListPageStatementsIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired ApplicationContext context;
  @Autowired JdbcTemplate jdbc;
  @Autowired OptOuts optOuts;
  @Autowired AuditLog audit;

  PolledRows rows;

  /** A tenant of this test with its customer's session and its gateway account. */
  record Tenant(long id, MockHttpSession customer, long account, List<Long> jobs) {}

  @BeforeEach
  void rows() {
    rows = new PolledRows(jdbc);
  }

  @Test
  void theCustomersListPagesCostTheSameStatementsForAFewRowsAsForPagesOfThem() throws Exception {
    Tenant few = tenant(3, 5);
    Tenant many = tenant(60, 120);
    for (String page :
        List.of(
            "/",
            "/jobs",
            "/jobs?phase=SCHEDULED&q=测试",
            "/receipts",
            "/replies",
            "/optouts",
            "/accounts")) {
      assertThat(statements(many.customer(), page))
          .as(page)
          .isEqualTo(statements(few.customer(), page));
    }
    assertThat(statements(many.customer(), "/jobs/" + many.jobs().get(0)))
        .as("a job of 300 numbers and one of 5")
        .isEqualTo(statements(few.customer(), "/jobs/" + few.jobs().get(0)));
  }

  @Test
  void theStaffsListPagesCostTheSameStatementsWhenTheyHaveManyMoreRows() throws Exception {
    MockHttpSession support = Logins.as(mvc, "support");
    MockHttpSession admin = Logins.as(mvc, "admin");
    moreRows(); // so that each list is longer than its first page from here on
    long tenantsBefore = statements(support, "/support/tenants");
    long auditBefore = statements(admin, "/admin/audit");
    long endpointsBefore = statements(admin, "/admin/endpoints");

    moreRows();

    assertThat(statements(support, "/support/tenants")).isEqualTo(tenantsBefore);
    assertThat(statements(admin, "/admin/audit")).isEqualTo(auditBefore);
    assertThat(statements(admin, "/admin/endpoints")).isEqualTo(endpointsBefore);
  }

  /**
   * 30 more tenants (each with its customer and account, on the same endpoint, and rows of every
   * list) and 60 more audit records.
   */
  private void moreRows() throws Exception {
    for (int i = 0; i < 30; i++) {
      rowsOf(new ListTenants(context).customer("stmt-"), 1, 1);
    }
    for (int i = 0; i < 60; i++) {
      audit.record(AuditEntry.success(AuditAction.EXPORT, "statements " + i));
    }
  }

  /** The statements one GET of the page costs, after a first GET that warms what it caches. */
  private long statements(MockHttpSession session, String page) throws Exception {
    assertThat(mvc.perform(get(page).session(session)).andReturn().getResponse().getStatus())
        .as(page)
        .isEqualTo(200);
    QueryCountHolder.clear();
    mvc.perform(get(page).session(session));
    long total = QueryCountHolder.get(PortalTestBeans.COUNTED).getTotal();
    QueryCountHolder.clear();
    return total;
  }

  /** A tenant with a customer (signed in), a gateway account, jobs and rows of every list. */
  private Tenant tenant(int jobCount, int rowCount) throws Exception {
    ListTenants.Customer customer = new ListTenants(context).customer("stmt-");
    List<Long> jobIds = rowsOf(customer, jobCount, rowCount);
    return new Tenant(
        customer.tenantId(),
        Logins.as(mvc, customer.username(), ListTenants.PASSWORD),
        customer.accountId(),
        jobIds);
  }

  /** The customer's scheduled jobs and rows of every list; returns the jobs' ids. */
  private List<Long> rowsOf(ListTenants.Customer customer, int jobCount, int rowCount) {
    long id = customer.tenantId();
    List<Long> jobIds = new ArrayList<>();
    for (int j = 0; j < jobCount; j++) {
      jobIds.add(
          new ListTenants(context)
              .scheduledJob(customer, j == 0 ? rowCount * 5 / 2 : 2, "【聚合云】测试"));
    }
    Instant at = Instant.now().minus(Duration.ofHours(1));
    List<Report> reports = new ArrayList<>();
    List<Reply> replies = new ArrayList<>();
    for (int r = 0; r < rowCount; r++) {
      String mobile = PolledRows.randomMobile();
      reports.add(
          new Report(
              id, PolledRows.randomTaskId(), mobile, 10, at.plusSeconds(r), "DELIVRD", "", null));
      replies.add(new Reply(id, mobile, "收到 " + r, at.plusSeconds(r), "", null, false));
      TenantContext.runAs(id, () -> optOuts.add(mobile, null));
    }
    rows.reports(reports);
    rows.replies(replies);
    return jobIds;
  }
}
