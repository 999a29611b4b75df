package com.smsportal.user.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.smsportal.DatabaseDependent;
import com.smsportal.Logins;
import com.smsportal.MockMvcSessionCookie;
import com.smsportal.PortalIntegrationTest;
import com.smsportal.audit.AuditDetail;
import com.smsportal.tenant.TenantService;
import com.smsportal.user.Role;
import com.smsportal.user.UserService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A visit to a tenant's pages ("view as tenant") whose session expires is still audited, once, with
 * its pages counted (issue 23): the session store tells no listener of an expiry, so the clean-up
 * that deletes the session hands its visit over first; so does ending a user's sessions.
 */
@DatabaseDependent(
    "a visit read back from an expired session in the JDBC store before it is deleted")
@PortalIntegrationTest
class ViewAsExpiryIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TenantService tenants;
  @Autowired JdbcTemplate jdbc;
  @Autowired SessionCleanup cleanup;
  @Autowired UserSessions userSessions;
  @Autowired UserService users;

  static final String PASSWORD = "a-good-long-password";
  @Autowired SessionRepository<? extends Session> store;

  @Test
  void aVisitWhoseSessionExpiresIsAuditedOnceWithItsPages() throws Exception {
    String staff = newSupport();
    MockHttpSession support = Logins.as(mvc, staff, PASSWORD);
    long acme = tenants.findByName("Acme").orElseThrow().id();
    long before = jdbc.queryForObject("select coalesce(max(id), 0) from audit_event", Long.class);
    mvc.perform(post("/support/tenants/" + acme + "/view-as").session(support).with(csrf()));
    for (String path : List.of("/", "/jobs", "/receipts")) {
      mvc.perform(get(path).session(support));
    }
    lastUsedAgo(store, MockMvcSessionCookie.sessionId(support), Duration.ofMinutes(31));

    cleanup.cleanUp();
    cleanup.cleanUp();

    List<Map<String, Object>> entries =
        jdbc.queryForList(
            "select target, detail, tenant_name from audit_event where id > ? and actor = ?"
                + " and action = 'TENANT_VIEWED' order by id",
            before,
            staff);
    assertThat(entries).hasSize(2);
    assertThat(entries.get(1).get("target"))
        .isEqualTo(AuditDetail.of("audit.target.viewAsVisit", 3).encode());
    assertThat((String) entries.get(1).get("detail")).contains("audit.detail.viewAsExpired");
    assertThat(entries.get(1).get("tenant_name")).isEqualTo("Acme");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from SPRING_SESSION where SESSION_ID = ?",
                Integer.class,
                MockMvcSessionCookie.sessionId(support)))
        .isZero();
  }

  @Test
  void aVisitWhoseSessionIsEndedFromElsewhereIsAuditedWithItsPages() throws Exception {
    String staff = newSupport();
    MockHttpSession support = Logins.as(mvc, staff, PASSWORD);
    long acme = tenants.findByName("Acme").orElseThrow().id();
    long before = jdbc.queryForObject("select coalesce(max(id), 0) from audit_event", Long.class);
    mvc.perform(post("/support/tenants/" + acme + "/view-as").session(support).with(csrf()));
    mvc.perform(get("/jobs").session(support));

    userSessions.endAll(staff, null);

    List<Map<String, Object>> entries =
        jdbc.queryForList(
            "select target, detail from audit_event where id > ? and actor = ? and"
                + " action = 'TENANT_VIEWED' order by id",
            before,
            staff);
    assertThat(entries).hasSize(2);
    assertThat(entries.get(1).get("target"))
        .isEqualTo(AuditDetail.of("audit.target.viewAsVisit", 1).encode());
    assertThat((String) entries.get(1).get("detail")).contains("audit.detail.viewAsSessionEnded");
  }

  /** A support user of this test's own, so that no other test's sessions or visits count. */
  private String newSupport() {
    String name = "v" + UUID.randomUUID().toString().substring(0, 8);
    users.create(name, PASSWORD, Role.SUPPORT, null);
    return name;
  }

  private static <S extends Session> void lastUsedAgo(
      SessionRepository<S> repository, String id, Duration ago) {
    S stored = repository.findById(id);
    stored.setLastAccessedTime(Instant.now().minus(ago));
    repository.save(stored);
  }
}
