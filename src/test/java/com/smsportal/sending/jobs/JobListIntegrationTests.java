package com.smsportal.sending.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;

import com.smsportal.DatabaseDependent;
import com.smsportal.ListTenants;
import com.smsportal.Logins;
import com.smsportal.PortalIntegrationTest;
import com.smsportal.TestEndpoints;
import com.smsportal.audit.AuditDetail;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.gatewayaccount.GatewayEndpoints;
import com.smsportal.sending.JobPhase;
import com.smsportal.sending.SendJobs;
import com.smsportal.tenant.TenantContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The job list as a customer uses it to find a job: each filter narrows what is listed, the "older"
 * links walk every job once, the export holds the filtered jobs, bad filter input is explained next
 * to its field, and a tenant sees only its own jobs (support, viewing as the tenant, sees that
 * tenant's). Each test works on a tenant of its own, its jobs in a past year.
 */
@DatabaseDependent(
    "the phase filter's subqueries, the keyset on created_at and the content search on the dialect")
@PortalIntegrationTest
class JobListIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext context;
  @Autowired SendJobs sendJobs;
  @Autowired GatewayAccounts accounts;
  @Autowired GatewayEndpoints endpoints;

  ListTenants.Customer customer;
  ListedJobs jobs;
  MockHttpSession session;
  long second;

  @BeforeEach
  void tenant() throws Exception {
    customer = new ListTenants(context).customer("joblist-");
    session = Logins.as(mvc, customer.username(), ListTenants.PASSWORD);
    jobs = new ListedJobs(jdbc, sendJobs, customer);
    String name = "Second " + customer.username();
    second =
        TenantContext.callAs(
            customer.tenantId(),
            () ->
                accounts.ensure(
                    name,
                    TestEndpoints.of(endpoints, "http://127.0.0.1:1"),
                    GatewayCharset.UTF8,
                    "2",
                    name,
                    "pw"));
  }

  @Test
  void eachFilterNarrowsTheListToTheJobsItNames() throws Exception {
    long sending = jobs.job(customer.accountId(), "【聚合云】开会通知：周五下午三点", JobPhase.SENDING, 0);
    long scheduled = jobs.job(second, "【聚合云】您的验证码是 1234", JobPhase.SCHEDULED, 1);
    long awaiting = jobs.job(customer.accountId(), "【聚合云】发货通知 ABC", JobPhase.AWAITING_RECEIPTS, 2);
    long finished = jobs.job(second, "【聚合云】会员日优惠", JobPhase.FINISHED, 3);
    long cancelled = jobs.job(customer.accountId(), "【聚合云】取消的活动通知", JobPhase.CANCELLED, 4);

    Map<Long, String> all = JobListHtml.rows(page("/jobs"));
    assertThat(all.keySet())
        .as("newest first")
        .containsExactly(cancelled, finished, awaiting, scheduled, sending);
    for (JobPhase phase : JobPhase.values()) {
      Map<Long, String> listed = JobListHtml.rows(page("/jobs?phase=" + phase.name()));
      assertThat(listed.values()).as(phase.name()).isNotEmpty().allMatch(phase.name()::equals);
      assertThat(all.get(listed.keySet().iterator().next())).isEqualTo(phase.name());
    }
    assertThat(JobListHtml.rows(page("/jobs?q=%E9%80%9A%E7%9F%A5")).keySet()) // 通知
        .containsExactly(cancelled, awaiting, sending);
    assertThat(JobListHtml.rows(page("/jobs?q=abc")).keySet())
        .as("any case")
        .containsExactly(awaiting);
    assertThat(page("/jobs?phase=AWAITING_RECEIPTS&lang=zh-CN")).contains("等待回执 2");
    assertThat(JobListHtml.rows(page("/jobs?account=" + second)).keySet())
        .containsExactly(finished, scheduled);
    assertThat(JobListHtml.rows(page("/jobs?from=2021-03-04T10:01&to=2021-03-04T10:03")).keySet())
        .as("to includes its whole minute")
        .containsExactly(finished, awaiting, scheduled);
    assertThat(
            JobListHtml.rows(
                    page(
                        "/jobs?account="
                            + customer.accountId()
                            + "&q=%E9%80%9A%E7%9F%A5&phase=SENDING"))
                .keySet())
        .containsExactly(sending);

    String none = page("/jobs?q=nothing-like-this");
    assertThat(JobListHtml.rows(none)).isEmpty();
    assertThat(none).contains("没有符合这些筛选条件的发送任务。").doesNotContain("id=\"jobs-empty-send\"");
  }

  @Test
  void eachRowShowsNumberContentCreatorAccountSegmentsPhaseAndOutcomes() throws Exception {
    String content = "【聚合云】尊敬的客户，您本月的账单已经生成，请登录查看详情并按时缴费，谢谢。";
    long id = jobs.job(customer.accountId(), content, JobPhase.FINISHED, 0);

    String html = page("/jobs?lang=zh-CN");
    assertThat(html)
        .contains("href=\"/jobs/" + id + "\">发送任务 #" + id + "</a>")
        .contains("title=\"" + content + "\"")
        .contains(">" + content.substring(0, 30) + "…<")
        .contains(">" + customer.username() + "<")
        .contains(">" + customer.username() + "</td>") // the first account is named after it
        .contains("已结束")
        .contains("已送达 1", "失败 1", "结果不明 0")
        .doesNotContain("等待回执 0");
    assertThat(page("/jobs?lang=en")).contains("Send job #" + id, "Finished", "1 delivered");
    assertThat(JobListHtml.billed(html, id)).isEqualTo("2"); // 2 numbers × 1 segment
  }

  @Test
  void theOlderLinksWalkEveryJobOnceNewestFirst() throws Exception {
    List<Long> expected = new ArrayList<>();
    for (int i = 0; i < 57; i++) {
      // Three jobs in each minute: the id orders jobs created at the same time.
      expected.add(0, jobs.job(customer.accountId(), "【聚合云】批量 " + i, JobPhase.SENDING, i / 3));
    }
    List<Long> seen = new ArrayList<>();
    String path = "/jobs";
    int pages = 0;
    while (path != null) {
      String html = page(path);
      seen.addAll(JobListHtml.rows(html).keySet());
      pages++;
      Matcher older = JobListHtml.OLDER.matcher(html);
      path = older.find() ? older.group(1).replace("&amp;", "&") : null;
    }
    assertThat(pages).isEqualTo(2);
    assertThat(seen).containsExactlyElementsOf(expected);

    // The same across pages of a filter: the filter is kept on the "older" link.
    List<Long> filtered = new ArrayList<>();
    path = "/jobs?q=%E6%89%B9%E9%87%8F&from=2021-03-04T10:00"; // 批量
    while (path != null) {
      String html = page(path);
      filtered.addAll(JobListHtml.rows(html).keySet());
      Matcher older = JobListHtml.OLDER.matcher(html);
      path = older.find() ? older.group(1).replace("&amp;", "&") : null;
    }
    assertThat(filtered).containsExactlyElementsOf(expected);
  }

  @Test
  void theExportHoldsTheFilteredJobsWithHeadersInTheReadersLanguage() throws Exception {
    long a = jobs.job(customer.accountId(), "【聚合云】导出 一", JobPhase.FINISHED, 0);
    jobs.job(second, "【聚合云】导出 二", JobPhase.SENDING, 1);
    long c = jobs.job(customer.accountId(), "【聚合云】导出 三", JobPhase.SENDING, 2);
    jobs.job(customer.accountId(), "【聚合云】另一条", JobPhase.SENDING, 3);

    String zh =
        export("/jobs/export?q=%E5%AF%BC%E5%87%BA&account=" + customer.accountId(), "zh-CN");
    List<String> lines = zh.lines().toList();
    assertThat(lines.get(0)).isEqualTo("\uFEFF发送任务,创建时间,内容,创建人,网关账户,号码数,计费条数,状态,已送达,失败,结果不明,等待回执");
    assertThat(lines.subList(1, lines.size()))
        .containsExactly(
            c
                + ",2021-03-04 10:02:00,【聚合云】导出 三,"
                + customer.username()
                + ","
                + customer.username()
                + ",2,2,发送中,0,0,0,0",
            a
                + ",2021-03-04 10:00:00,【聚合云】导出 一,"
                + customer.username()
                + ","
                + customer.username()
                + ",2,2,已结束,1,1,0,0");
    String en = export("/jobs/export?q=%E5%AF%BC%E5%87%BA&account=" + customer.accountId(), "en");
    assertThat(en.lines().findFirst().orElseThrow())
        .isEqualTo(
            "\uFEFFSend job,Created,Content,Created by,Gateway account,Numbers,Billed segments,"
                + "Phase,Delivered,Failed,Unknown,Awaiting receipt");
    assertThat(en.lines().skip(1).map(l -> l.split(",")[7])).containsExactly("Sending", "Finished");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_event where action = 'EXPORT' and target = ?"
                    + " and actor = ? and detail like ?",
                Integer.class,
                AuditDetail.of("audit.target.jobs").encode(),
                customer.username(),
                "%导出%"))
        .as("each export is audited with its filter")
        .isEqualTo(2);
  }

  @Test
  void badFilterInputIsExplainedNextToItsFieldAndListsNothing() throws Exception {
    jobs.job(customer.accountId(), "【聚合云】在的", JobPhase.SENDING, 0);
    String bad = "/jobs?from=2021-03-04T10:05&to=2021-03-04T10:00&phase=DONE&account=999999999";

    String zh = page(bad + "&lang=zh-CN");
    assertThat(JobListHtml.fieldError(zh, "to")).isEqualTo("结束时间必须晚于开始时间。");
    assertThat(JobListHtml.fieldError(zh, "phase")).isEqualTo("未知的状态，请从列表中选择。");
    assertThat(JobListHtml.fieldError(zh, "account")).isEqualTo("未知的网关账户，请从列表中选择。");
    assertThat(JobListHtml.rows(zh)).isEmpty();
    assertThat(zh).doesNotContain("id=\"jobs-empty\"");
    String en = page(bad + "&lang=en");
    assertThat(JobListHtml.fieldError(en, "to")).isEqualTo("The end must be later than the start.");
    assertThat(JobListHtml.fieldError(en, "phase"))
        .isEqualTo("Unknown phase; choose one from the list.");
    assertThat(JobListHtml.fieldError(en, "account"))
        .isEqualTo("Unknown gateway account; choose one from the list.");

    // The export of a bad filter writes nothing and sends the person back to the page.
    MockHttpServletResponse export =
        mvc.perform(get(URI.create(bad.replace("/jobs", "/jobs/export"))).session(session))
            .andReturn()
            .getResponse();
    assertThat(export.getStatus()).isEqualTo(303);
    assertThat(export.getRedirectedUrl()).startsWith("/jobs?from=");
  }

  @Test
  void aTenantSeesOnlyItsOwnJobsAndSupportViewingItSeesThose() throws Exception {
    long own = jobs.job(customer.accountId(), "【聚合云】自己的", JobPhase.SENDING, 0);
    ListTenants.Customer other = new ListTenants(context).customer("joblist-other-");
    long foreign =
        TenantContext.callAs(
            other.tenantId(), () -> jobs.submit(other.accountId(), "【聚合云】别人的", null));

    assertThat(JobListHtml.rows(page("/jobs")).keySet()).containsExactly(own);
    assertThat(page("/jobs?account=" + other.accountId()))
        .as("another tenant's account is unknown here")
        .contains("id=\"account-error\"")
        .doesNotContain("别人的");
    assertThat(export("/jobs/export", "zh-CN")).contains("自己的").doesNotContain("别人的");

    MockHttpSession support = Logins.as(mvc, "support");
    mvc.perform(
        post("/support/tenants/" + other.tenantId() + "/view-as").session(support).with(csrf()));
    String viewed = html(support, "/jobs");
    assertThat(JobListHtml.rows(viewed).keySet()).containsExactly(foreign);
    assertThat(viewed).doesNotContain("自己的");
  }

  private String page(String path) throws Exception {
    return html(session, path);
  }

  private String html(MockHttpSession as, String path) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(get(URI.create(path)).session(as)).andReturn().getResponse();
    assertThat(response.getStatus()).as(path).isEqualTo(200);
    return response.getContentAsString(StandardCharsets.UTF_8);
  }

  private String export(String path, String language) throws Exception {
    MvcResult started =
        mvc.perform(get(URI.create(path)).param("lang", language).session(session))
            .andExpect(request().asyncStarted())
            .andReturn();
    return mvc.perform(asyncDispatch(started))
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }
}
