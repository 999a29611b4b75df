package com.smsportal.tenant.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.smsportal.DatabaseDependent;
import com.smsportal.Logins;
import com.smsportal.PortalIntegrationTest;
import com.smsportal.audit.AuditDetails;
import com.smsportal.tenant.TenantService;
import com.smsportal.tenant.TenantView;
import com.smsportal.user.Role;
import com.smsportal.user.UserService;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@DatabaseDependent(
    "a name taken whatever its case (collation); suspending ends sessions in the session table")
@PortalIntegrationTest
class TenantManagementIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired AuditDetails auditDetails;
  @Autowired TenantService tenants;
  @Autowired UserService users;
  @Autowired JdbcTemplate jdbc;

  MockHttpSession support;

  @BeforeEach
  void logIn() throws Exception {
    support = Logins.as(mvc, "support");
  }

  @Test
  void supportCreatesATenantAndSeesItsPage() throws Exception {
    String name = unique("Initech");
    String location =
        mvc.perform(
                post("/support/tenants")
                    .param("name", "  " + name + " ")
                    .param("contact", "王经理 138 0000 0000")
                    .param("notes", "VIP")
                    .param("lowBalanceThreshold", "500")
                    .session(support)
                    .with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    TenantView created = tenants.findByName(name).orElseThrow();
    assertThat(location).isEqualTo("/support/tenants/" + created.id());
    assertThat(created.contact()).isEqualTo("王经理 138 0000 0000");
    assertThat(created.lowBalanceThreshold()).isEqualTo(500L);
    assertThat(created.active()).isTrue();

    String page = html(get(location));
    assertThat(page).contains(name).contains("王经理").contains("企业已创建。");
    assertThat(auditCount("TENANT_CREATED", name)).isEqualTo(1);
    assertThat(auditCount("TENANT_VIEWED", name)).isEqualTo(1);
  }

  @Test
  void badInputIsExplainedNextToEachFieldAndNothingIsStored() throws Exception {
    long before = tenants.count();
    assertThat(create("", null)).contains("id=\"name-error\"").contains("此项必填。");
    assertThat(create("x".repeat(101), null)).contains("id=\"name-error\"").contains("最多 100 个字符。");
    assertThat(create("ACME", null)).contains("已有同名企业");
    assertThat(create(unique("N"), "-1")).contains("id=\"lowBalanceThreshold-error\"");
    assertThat(create(unique("N"), "lots")).contains("id=\"lowBalanceThreshold-error\"");
    assertThat(tenants.count()).isEqualTo(before);
  }

  @Test
  void editingChangesTheDetailsButNeverTakesAnotherTenantsName() throws Exception {
    TenantView tenant = tenants.create(unique("Hooli"));
    mvc.perform(
            post("/support/tenants/" + tenant.id())
                .param("name", tenant.name())
                .param("contact", "new contact")
                .session(support)
                .with(csrf()))
        .andExpect(redirectedUrl("/support/tenants/" + tenant.id()));
    assertThat(tenants.find(tenant.id()).orElseThrow().contact()).isEqualTo("new contact");

    String page =
        html(
            post("/support/tenants/" + tenant.id())
                .param("name", "globex")
                .param("contact", "changed again")
                .with(csrf()));
    assertThat(page).contains("已有同名企业");
    assertThat(tenants.find(tenant.id()).orElseThrow().contact()).isEqualTo("new contact");
  }

  @Test
  void supportSetsATenantsSendingLimitsOnItsPageAndEmptyMeansTheDefault() throws Exception {
    TenantView tenant = tenants.create(unique("Limits"));
    assertThat(html(get("/support/tenants/" + tenant.id() + "/edit")))
        .contains("id=\"maxNumbersPerJob\"")
        .contains("placeholder=\"1000000\"");

    mvc.perform(
            post("/support/tenants/" + tenant.id())
                .param("name", tenant.name())
                .param("maxNumbersPerJob", "50000")
                .param("maxNumbersPerDay", "")
                .param("maxQueuedNumbers", "200000")
                .session(support)
                .with(csrf()))
        .andExpect(redirectedUrl("/support/tenants/" + tenant.id()));

    TenantView saved = tenants.find(tenant.id()).orElseThrow();
    assertThat(saved.maxNumbersPerJob()).isEqualTo(50_000);
    assertThat(saved.maxNumbersPerDay()).isNull();
    assertThat(saved.maxQueuedNumbers()).isEqualTo(200_000L);
    String page = html(get("/support/tenants/" + tenant.id()));
    assertThat(page).contains("50,000").contains("10,000,000 （默认）").contains("200,000");
    String detail =
        jdbc.queryForObject(
            "select detail from audit_event where action = 'TENANT_UPDATED' and target = ?",
            String.class,
            tenant.name());
    assertThat(auditDetails.text(detail, Locale.SIMPLIFIED_CHINESE))
        .contains("每个任务号码数上限：默认 → 50000");
    assertThat(auditDetails.text(detail, Locale.ENGLISH))
        .contains("Most numbers per job: default → 50000");

    String refused =
        html(
            post("/support/tenants/" + tenant.id())
                .param("name", tenant.name())
                .param("maxNumbersPerJob", "0")
                .with(csrf()));
    assertThat(refused).contains("id=\"maxNumbersPerJob-error\"").contains("请填写正整数");
    assertThat(tenants.find(tenant.id()).orElseThrow().maxNumbersPerJob()).isEqualTo(50_000);
  }

  @Test
  void supportSetsATenantsFloodLimitsPerNumberAndBadInputChangesNothing() throws Exception {
    TenantView tenant = tenants.create(unique("Flood"));
    String before = html(get("/support/tenants/" + tenant.id()));
    assertThat(before).contains("id=\"number-limits-form\"").contains("同一号码发送频率上限");

    mvc.perform(
            post("/support/tenants/" + tenant.id() + "/number-limits")
                .param("perMinute", "")
                .param("perHour", "0")
                .param("perDay", "20")
                .session(support)
                .with(csrf()))
        .andExpect(redirectedUrl("/support/tenants/" + tenant.id()));
    assertThat(tenants.numberLimits(tenant.id()))
        .contains(new com.smsportal.tenant.NumberLimits(null, 0, 20));
    assertThat(html(get("/support/tenants/" + tenant.id())))
        .contains("id=\"perDay\"")
        .contains("value=\"20\"")
        .contains("当前生效：不限");
    String detail =
        jdbc.queryForObject(
            "select detail from audit_event where action = 'TENANT_UPDATED' and target = ?",
            String.class,
            tenant.name());
    assertThat(auditDetails.text(detail, Locale.ENGLISH))
        .contains("Most messages to one number per day: default → 20");

    for (String[] bad :
        new String[][] {
          {"perMinute", "abc", "请填写 0 到 100000"},
          {"perHour", "-1", "请填写 0 到 100000"},
          {"perDay", "2", "不能小于更短时段的上限"}
        }) {
      String page =
          html(
              post("/support/tenants/" + tenant.id() + "/number-limits")
                  .param("perMinute", "perMinute".equals(bad[0]) ? bad[1] : "1")
                  .param("perHour", "perHour".equals(bad[0]) ? bad[1] : "5")
                  .param("perDay", "perDay".equals(bad[0]) ? bad[1] : "10")
                  .with(csrf()));
      assertThat(page).as(bad[0]).contains("id=\"" + bad[0] + "-error\"").contains(bad[2]);
      assertThat(tenants.numberLimits(tenant.id()))
          .as("nothing changed")
          .contains(new com.smsportal.tenant.NumberLimits(null, 0, 20));
    }
  }

  @Test
  void anUnknownTenantIsNotFound() throws Exception {
    mvc.perform(get("/support/tenants/987654321").session(support))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/support/tenants/987654321/suspend")
                .param("reason", "x")
                .session(support)
                .with(csrf()))
        .andExpect(status().isNotFound());
  }

  @Test
  void suspendingNeedsAReasonAndWithoutOneChangesNothing() throws Exception {
    TenantView tenant = tenants.create(unique("Umbrella"));
    mvc.perform(
            post("/support/tenants/" + tenant.id() + "/suspend")
                .param("reason", " ")
                .session(support)
                .with(csrf()))
        .andExpect(redirectedUrl("/support/tenants/" + tenant.id()));
    assertThat(tenants.isActive(tenant.id())).isTrue();
  }

  @Test
  void suspendingEndsTheUsersSessionsAtOnceAndReactivatingLetsThemBackIn() throws Exception {
    TenantView tenant = tenants.create(unique("Soylent"));
    String user = "u-" + UUID.randomUUID().toString().substring(0, 8);
    users.create(user, "a-good-password", Role.TENANT_ADMIN, tenant.id());
    MockHttpSession customer = Logins.as(mvc, user, "a-good-password");
    mvc.perform(get("/").session(customer)).andExpect(status().isOk());

    mvc.perform(
            post("/support/tenants/" + tenant.id() + "/suspend")
                .param("reason", "unpaid invoice 2026-11")
                .session(support)
                .with(csrf()))
        .andExpect(redirectedUrl("/support/tenants/" + tenant.id()));

    assertThat(tenants.find(tenant.id()).orElseThrow().statusReason())
        .isEqualTo("unpaid invoice 2026-11");
    mvc.perform(get("/").session(customer)).andExpect(redirectedUrl("/login?expired"));
    mvc.perform(formLogin("/login").user(user).password("a-good-password"))
        .andExpect(redirectedUrl("/login?error=disabled"));
    assertThat(auditCount("TENANT_SUSPENDED", tenant.name())).isEqualTo(1);

    mvc.perform(
            post("/support/tenants/" + tenant.id() + "/reactivate")
                .param("reason", "paid")
                .session(support)
                .with(csrf()))
        .andExpect(redirectedUrl("/support/tenants/" + tenant.id()));
    Logins.as(mvc, user, "a-good-password");
  }

  @Test
  void anHtmxCallOfASuspendedUsersSessionReloadsThePage() throws Exception {
    TenantView tenant = tenants.create(unique("Cyberdyne"));
    String user = "h-" + UUID.randomUUID().toString().substring(0, 8);
    users.create(user, "a-good-password", Role.TENANT_ADMIN, tenant.id());
    MockHttpSession customer = Logins.as(mvc, user, "a-good-password");
    tenants.suspend(tenant.id(), "test");
    mvc.perform(get("/").header("HX-Request", "true").session(customer))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("HX-Refresh", "true"));
  }

  private String create(String name, String threshold) throws Exception {
    MockHttpServletRequestBuilder request = post("/support/tenants").param("name", name);
    if (threshold != null) {
      request.param("lowBalanceThreshold", threshold);
    }
    return html(request.with(csrf()));
  }

  private String html(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.session(support)).andReturn().getResponse().getContentAsString();
  }

  private int auditCount(String action, String target) {
    return jdbc.queryForObject(
        "select count(*) from audit_event where action = ? and target = ?",
        Integer.class,
        action,
        target);
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
  }
}
