package com.smsportal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;

import com.smsportal.DatabaseDependent;
import com.smsportal.Logins;
import com.smsportal.PortalIntegrationTest;
import com.smsportal.user.Role;
import com.smsportal.user.UserService;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@DatabaseDependent(
    "the log's keyset pages and date filters: order and comparison of time columns on the dialect")
@PortalIntegrationTest
class AuditIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired AuditLog audit;
  @Autowired JdbcTemplate jdbc;
  @Autowired UserService users;

  MockHttpSession admin;

  @BeforeEach
  void logIn() throws Exception {
    admin = Logins.as(mvc, "admin");
  }

  @Test
  void loginsAreRecordedWithActorRoleTenantAndAddressButNeverThePassword() throws Exception {
    mvc.perform(formLogin("/login").user("acme").password("Typed-Wrong-9")).andReturn();
    Logins.as(mvc, "acme");

    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "select * from audit_event where actor = 'acme' and action = 'LOGIN' order by id desc");
    assertThat(rows).hasSizeGreaterThanOrEqualTo(2);
    Map<String, Object> success = rows.get(0);
    assertThat(success.get("outcome")).isEqualTo("SUCCESS");
    assertThat(success.get("actor_role")).isEqualTo("TENANT_ADMIN");
    assertThat(success.get("tenant_name")).isEqualTo("Acme");
    assertThat(success.get("client_ip")).isNotNull();
    assertThat(rows.get(1).get("outcome")).isEqualTo("FAILURE");
    assertThat(jdbc.queryForList("select * from audit_event").toString())
        .doesNotContain("Typed-Wrong-9")
        .doesNotContain(Logins.DEMO_PASSWORD);
  }

  @Test
  void logoutsAndLockoutsAreRecordedToo() throws Exception {
    MockHttpSession globex = Logins.as(mvc, "globex");
    int before = count("globex", "LOGOUT");
    mvc.perform(post("/logout").session(globex).with(csrf()));
    assertThat(count("globex", "LOGOUT")).isEqualTo(before + 1);
    assertThat(
            jdbc.queryForMap(
                "select actor_role, tenant_name from audit_event where actor = 'globex'"
                    + " and action = 'LOGOUT' order by id desc limit 1"))
        .containsEntry("actor_role", "TENANT_ADMIN")
        .containsEntry("tenant_name", "Globex");

    String name = "locked-" + UUID.randomUUID().toString().substring(0, 8);
    users.create(name, "a-long-enough-password", Role.SUPPORT, null);
    String ghost = "ghost-" + UUID.randomUUID().toString().substring(0, 8);
    // From an address of its own, so that these failures block no other test's logins.
    String address = "198.19.7." + java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 255);
    for (int i = 0; i < 5; i++) {
      for (String user : List.of(name, ghost)) {
        mvc.perform(
                post("/login")
                    .param("username", user)
                    .param("password", "wrong")
                    .with(csrf())
                    .with(
                        request -> {
                          request.setRemoteAddr(address);
                          return request;
                        }))
            .andReturn();
      }
    }
    assertThat(count(name, "LOGIN_LOCKED")).isEqualTo(1);
    assertThat(count(name, "LOGIN")).isEqualTo(4);
    // A name that does not exist is not audited attempt by attempt (issue 15: that grew the log
    // without bound); the address that tries too many gets one entry when it is blocked.
    assertThat(count(ghost, "LOGIN_LOCKED") + count(ghost, "LOGIN")).isZero();
  }

  private int count(String actor, String action) {
    return jdbc.queryForObject(
        "select count(*) from audit_event where actor = ? and action = ?",
        Integer.class,
        actor,
        action);
  }

  @Test
  void theAdminFiltersByActorAndAction() throws Exception {
    String actor = "auditee-" + UUID.randomUUID().toString().substring(0, 8);
    audit.recordAs(actor, "SUPPORT", AuditEntry.success(AuditAction.TENANT_CREATED, "T1"));
    audit.recordAs(actor, "SUPPORT", AuditEntry.success(AuditAction.USER_CREATED, "u1"));

    String page = page("/admin/audit?actor=" + actor + "&action=USER_CREATED");
    assertThat(page).contains(actor).contains("u1").doesNotContain(">T1<");
  }

  @Test
  void pagesFollowEachOtherByKeysetWithoutGapsOrRepeats() throws Exception {
    String actor = "pager-" + UUID.randomUUID().toString().substring(0, 8);
    for (int i = 1; i <= 55; i++) {
      audit.recordAs(actor, null, AuditEntry.success(AuditAction.EXPORT, "item-" + i + "-end"));
    }
    String first = page("/admin/audit?actor=" + actor);
    assertThat(first).contains("item-55-end").contains("item-6-end").doesNotContain("item-5-end");
    String older = first.replaceAll("(?s).*href=\"(/admin/audit\\?[^\"]*before=\\d+)\".*", "$1");
    String second = page(older.replace("&amp;", "&"));
    assertThat(second).contains("item-5-end").contains("item-1-end").doesNotContain("item-6-end");
    assertThat(second).doesNotContain("rel=\"next\"");
  }

  @Test
  void theExportHoldsExactlyTheFilteredEventsInExcelFriendlyCsvAndIsItselfAudited()
      throws Exception {
    String actor = "export-" + UUID.randomUUID().toString().substring(0, 8);
    audit.recordAs(
        actor, null, AuditEntry.success(AuditAction.TENANT_UPDATED, "=cmd|' /C calc'!A0"));
    audit.recordAs(actor, null, AuditEntry.success(AuditAction.TENANT_UPDATED, "企业, 第二"));

    MvcResult started =
        mvc.perform(get("/admin/audit/export?actor=" + actor).session(admin))
            .andExpect(request().asyncStarted())
            .andReturn();
    MockHttpServletResponse response =
        mvc.perform(asyncDispatch(started)).andReturn().getResponse();
    byte[] bytes = response.getContentAsByteArray();
    assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    String csv = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    List<String> lines = csv.lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).isEqualTo("编号,时间,操作人,角色,企业,操作,对象,结果,IP 地址,详情");
    assertThat(csv).contains("\"企业, 第二\"").contains(",'=cmd|' /C calc'!A0,");
    assertThat(response.getHeader("Content-Disposition")).contains("audit-log.csv");

    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_event where actor = 'admin' and action = 'EXPORT'",
                Integer.class))
        .isPositive();
  }

  @Test
  void anInvalidDateIsExplainedNextToTheFieldAndNothingIsListed() throws Exception {
    String page = page("/admin/audit?from=2026-13-45");
    assertThat(page).contains("请输入有效日期").contains("id=\"audit-empty\"");
  }

  private String page(String url) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(get(url).session(admin)).andReturn().getResponse();
    assertThat(response.getStatus()).isEqualTo(200);
    return response.getContentAsString();
  }
}
