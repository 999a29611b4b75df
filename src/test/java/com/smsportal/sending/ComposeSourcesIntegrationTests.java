package com.smsportal.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.smsportal.DatabaseDependent;
import com.smsportal.Logins;
import com.smsportal.PortalWithWorkerTest;
import com.smsportal.SimulatorControl;
import com.smsportal.TestEndpoints;
import com.smsportal.contacts.ContactGroups;
import com.smsportal.contacts.GroupSummary;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.gatewayaccount.GatewayEndpoints;
import com.smsportal.templates.TemplateText;
import com.smsportal.templates.Templates;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import com.smsportal.user.Role;
import com.smsportal.user.UserService;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Compose from a template and to contact groups (issue 24): the approved template's text is the
 * content whatever the content field says, its placeholders filled from each member's name and
 * fields; a template not yet approved, another tenant's group, both a group and a spreadsheet, and
 * a member without a value are refused next to their fields with nothing stored. Each test has its
 * own tenant: its templates, contacts and review switch touch nobody else.
 */
@DatabaseDependent("a job and each member's rendered text stored in one transaction")
@PortalWithWorkerTest
class ComposeSourcesIntegrationTests {

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired TenantService tenants;
  @Autowired UserService users;
  @Autowired GatewayAccounts accounts;
  @Autowired GatewayEndpoints endpoints;
  @Autowired Templates templates;
  @Autowired ContactGroups groups;
  @Autowired SendJobs jobs;

  long tenant;
  long account;
  MockHttpSession customer;

  @BeforeEach
  void aTenantWithAnAccount() throws Exception {
    String name = "compose-" + UUID.randomUUID().toString().substring(0, 8);
    tenant = tenants.create(name).id();
    users.create(name, "a-good-password-1", Role.TENANT_ADMIN, tenant);
    customer = Logins.as(mvc, name, "a-good-password-1");
    SimulatorControl.OpenedAccount gw = new SimulatorControl(port).open("compose", 100_000);
    account =
        TenantContext.callAs(
            tenant,
            () ->
                accounts.ensure(
                    name,
                    TestEndpoints.of(endpoints, TestEndpoints.simulator(port)),
                    GatewayCharset.UTF8,
                    gw.userid(),
                    gw.account(),
                    gw.password()));
  }

  @Test
  void aTemplateSentToAGroupGivesEachMemberTheirOwnTextAndIgnoresTheTypedContent()
      throws Exception {
    long template = template("会员通知", "【本店】${name}您好，您的等级是${level}。");
    List<String> m = numbers(3);
    long vip = group("VIP");
    contact(m.get(0), "张三", "level=金卡", vip);
    contact(m.get(1), "李四", "level=银卡", vip);
    contact(m.get(2), "王五", "level=金卡", vip);

    String confirm =
        page(
            send(template)
                .param("content", "typed text that must not be sent")
                .param("groupId", Long.toString(vip)));

    assertThat(confirm)
        .contains("id=\"confirm-recipients\">3<")
        .contains("id=\"confirm-texts\">3<")
        .contains("【本店】张三您好，您的等级是金卡。");
    MockHttpServletResponse sent =
        SendConfirmation.confirm(mvc, SendConfirmation.token(confirm).orElseThrow(), customer);
    long job = jobId(sent);
    List<NumberView> stored =
        TenantContext.callAs(tenant, () -> jobs.numbers(job, null, null, 0, 10));
    assertThat(stored)
        .extracting(NumberView::mobile, NumberView::text)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(m.get(0), "【本店】张三您好，您的等级是金卡。"),
            org.assertj.core.groups.Tuple.tuple(m.get(1), "【本店】李四您好，您的等级是银卡。"),
            org.assertj.core.groups.Tuple.tuple(m.get(2), "【本店】王五您好，您的等级是金卡。"));
  }

  @Test
  void aPlainTemplateGoesToTheGroupsMembersAndThePastedNumbersOnce() throws Exception {
    long template = template("放假通知", "【本店】国庆期间正常营业。");
    List<String> m = numbers(3);
    long a = group("A");
    long b = group("B");
    contact(m.get(0), "甲", "", a);
    contact(m.get(1), "乙", "", a, b);

    String confirm =
        page(
            send(template)
                .param("mobiles", m.get(2) + "\n" + m.get(0))
                .param("groupId", Long.toString(a), Long.toString(b)));

    assertThat(confirm).contains("id=\"confirm-recipients\">3<");
    long job =
        jobId(
            SendConfirmation.confirm(mvc, SendConfirmation.token(confirm).orElseThrow(), customer));
    JobView view = TenantContext.callAs(tenant, () -> jobs.find(job).orElseThrow());
    assertThat(view.content()).isEqualTo("【本店】国庆期间正常营业。");
    assertThat(view.personalised()).isFalse();
    assertThat(
            TenantContext.callAs(tenant, () -> jobs.numbers(job, null, null, 0, 10)).stream()
                .map(NumberView::mobile))
        .containsExactlyInAnyOrderElementsOf(m);
  }

  @Test
  void aTemplateNotYetApprovedIsRefusedNextToItsFieldAndNothingIsStored() throws Exception {
    MockHttpSession support = Logins.as(mvc, "support");
    mvc.perform(
            post("/support/tenants/" + tenant + "/template-review")
                .param("required", "true")
                .session(support)
                .with(csrf()))
        .andReturn();
    long template = template("待审", "【本店】${name}您好");
    assertThat(TenantContext.callAs(tenant, () -> templates.approvedForCompose())).isEmpty();

    String page = page(send(template).param("mobiles", numbers(1).get(0)));

    assertThat(fieldError(page, "templateId")).contains("尚未通过审核");
    assertThat(page).doesNotContain("confirmToken");
    assertThat(TenantContext.callAs(tenant, () -> jobs.count())).isZero();
  }

  @Test
  void anotherTenantsGroupAndAGroupWithASpreadsheetAreRefused() throws Exception {
    long template = template("通知", "【本店】${name}您好");
    long globexGroup = otherTenantsGroup();

    String foreign = page(send(template).param("groupId", Long.toString(globexGroup)));
    assertThat(fieldError(foreign, "groupId")).contains("所选分组不存在");

    long own = group("Own");
    contact(numbers(1).get(0), "甲", "", own);
    String both =
        page(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/send")
                .file(
                    new org.springframework.mock.web.MockMultipartFile(
                        "file",
                        "r.csv",
                        "text/csv",
                        ("mobile,name\n" + numbers(1).get(0) + ",乙\n")
                            .getBytes(StandardCharsets.UTF_8)))
                .param("accountId", Long.toString(account))
                .param("templateId", Long.toString(template))
                .param("groupId", Long.toString(own))
                .param("idempotencyKey", UUID.randomUUID().toString())
                .session(customer)
                .with(csrf()));
    assertThat(fieldError(both, "file")).contains("二选一");
    assertThat(TenantContext.callAs(tenant, () -> jobs.count())).isZero();
  }

  @Test
  void aMemberWithoutAValueRefusesTheSendOrIsSkippedByChoice() throws Exception {
    long template = template("等级", "【本店】${name}：${level}");
    List<String> m = numbers(2);
    long g = group("G");
    contact(m.get(0), "甲", "level=金卡", g);
    contact(m.get(1), "乙", "", g);

    String refused = page(send(template).param("groupId", Long.toString(g)));
    assertThat(fieldError(refused, "groupId")).contains("1 位联系人缺少占位符的值");
    assertThat(refused).doesNotContain("confirmToken");

    String skipped =
        page(send(template).param("groupId", Long.toString(g)).param("missing", "skip"));
    assertThat(skipped).contains("id=\"confirm-recipients\">1<").contains("【本店】甲：金卡");
    assertThat(TenantContext.callAs(tenant, () -> jobs.count())).isZero();
  }

  @Test
  void theComposePageOffersTheApprovedTemplatesAndTheGroupsAndStartsFromTheChosenTemplate()
      throws Exception {
    long template = template("欢迎", "【本店】欢迎光临");
    long g = group("新客");

    String page =
        mvc.perform(get("/send").param("templateId", Long.toString(template)).session(customer))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);

    assertThat(page)
        .contains("value=\"" + template + "\" data-text=\"【本店】欢迎光临\" selected=\"selected\"")
        .contains("id=\"group-" + g + "\"")
        .contains("readonly=\"readonly\">【本店】欢迎光临</textarea>");
  }

  private MockHttpServletRequestBuilder send(long template) {
    return post("/send")
        .param("accountId", Long.toString(account))
        .param("templateId", Long.toString(template))
        .param("idempotencyKey", UUID.randomUUID().toString())
        .session(customer)
        .with(csrf());
  }

  private String page(org.springframework.test.web.servlet.RequestBuilder request)
      throws Exception {
    return mvc.perform(request)
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  /** The error paragraph next to a field, by its id {@code <field>-error}. */
  private static String fieldError(String html, String field) {
    int at = html.indexOf("id=\"" + field + "-error\"");
    assertThat(at).as("an error next to " + field).isPositive();
    return html.substring(at, html.indexOf("</p>", at));
  }

  private long template(String name, String content) throws Exception {
    mvc.perform(
            post("/templates")
                .param("name", name)
                .param("signature", "")
                .param("content", content)
                .session(customer)
                .with(csrf()))
        .andReturn();
    return TenantContext.callAs(
        tenant,
        () ->
            templates.approvedForCompose().stream()
                .filter(t -> t.name().equals(name))
                .map(TemplateText::id)
                .findFirst()
                .orElseGet(() -> pendingTemplate(name)));
  }

  /** A template not (yet) approved: found through the templates page's link. */
  private long pendingTemplate(String name) {
    try {
      String list =
          mvc.perform(get("/templates").session(customer))
              .andReturn()
              .getResponse()
              .getContentAsString(StandardCharsets.UTF_8);
      java.util.regex.Matcher found =
          java.util.regex.Pattern.compile("href=\"/templates/(\\d+)\"[^>]*>" + name + "<")
              .matcher(list);
      assertThat(found.find()).as("template " + name + " listed").isTrue();
      return Long.parseLong(found.group(1));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private long group(String name) throws Exception {
    mvc.perform(post("/contacts/groups").param("name", name).session(customer).with(csrf()))
        .andReturn();
    return TenantContext.callAs(tenant, () -> groups.groupsForCompose()).stream()
        .filter(g -> g.name().equals(name))
        .mapToLong(GroupSummary::id)
        .findFirst()
        .orElseThrow();
  }

  private void contact(String mobile, String name, String fields, long... groupIds)
      throws Exception {
    MockHttpServletRequestBuilder request =
        post("/contacts")
            .param("mobile", mobile)
            .param("name", name)
            .param("fields", fields)
            .session(customer)
            .with(csrf());
    for (long id : groupIds) {
      request.param("groupId", Long.toString(id));
    }
    mvc.perform(request).andReturn();
  }

  private long otherTenantsGroup() throws Exception {
    String name = "other-" + UUID.randomUUID().toString().substring(0, 8);
    long other = tenants.create(name).id();
    users.create(name, "a-good-password-1", Role.TENANT_ADMIN, other);
    MockHttpSession them = Logins.as(mvc, name, "a-good-password-1");
    mvc.perform(post("/contacts/groups").param("name", "Theirs").session(them).with(csrf()))
        .andReturn();
    return TenantContext.callAs(other, () -> groups.groupsForCompose()).get(0).id();
  }

  private static List<String> numbers(int count) {
    long base = 15_800_000_000L + ThreadLocalRandom.current().nextLong(99_999_999L / 10) * 10;
    return java.util.stream.LongStream.range(0, count)
        .mapToObj(i -> Long.toString(base + i))
        .toList();
  }

  private static long jobId(MockHttpServletResponse sent) {
    assertThat(sent.getRedirectedUrl()).startsWith("/jobs/");
    return Long.parseLong(sent.getRedirectedUrl().substring("/jobs/".length()));
  }
}
