package com.smsportal.user.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.smsportal.DatabaseDependent;
import com.smsportal.Logins;
import com.smsportal.MockMvcSessionCookie;
import com.smsportal.PortalIntegrationTest;
import com.smsportal.tenant.TenantService;
import com.smsportal.user.Role;
import com.smsportal.user.UserService;
import com.smsportal.user.admin.IssuedPassword;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Sessions end when they should: other sessions at a password change, after 12 h, idle (and are
 * then deleted from the database).
 */
@DatabaseDependent("sessions in the JDBC session store: ended by user, expired and deleted")
@PortalIntegrationTest
class SessionIntegrationTests {

  static final String PASSWORD = "a-good-long-password";

  @Autowired MockMvc mvc;
  @Autowired UserService users;
  @Autowired TenantService tenants;
  @Autowired JdbcTemplate jdbc;
  @Autowired SessionRepository<? extends Session> store;
  @Autowired SessionCleanup cleanup;

  @Test
  void changingThePasswordEndsTheUsersOtherSessionsAndKeepsThisOne() throws Exception {
    String name = newCustomer();
    MockHttpSession first = Logins.as(mvc, name, PASSWORD);
    MockHttpSession second = Logins.as(mvc, name, PASSWORD);
    mvc.perform(get("/").session(second)).andExpect(status().isOk());

    mvc.perform(
            post("/account/password")
                .param("current", PASSWORD)
                .param("password", "another-long-passphrase")
                .param("repeat", "another-long-passphrase")
                .session(first)
                .with(csrf()))
        .andExpect(redirectedUrl("/"));

    mvc.perform(get("/").session(second)).andExpect(redirectedUrl("/login?expired"));
    mvc.perform(get("/").session(first)).andExpect(status().isOk());
  }

  @Test
  void resettingAPasswordEndsEverySessionOfTheUser() throws Exception {
    String name = newCustomer();
    MockHttpSession theirs = Logins.as(mvc, name, PASSWORD);
    long id = users.idOf(name).orElseThrow();
    mvc.perform(
            post("/support/users/" + id + "/reset-password")
                .session(Logins.as(mvc, "support"))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/").session(theirs)).andExpect(redirectedUrl("/login?expired"));
  }

  @Test
  void aSessionEndsTwelveHoursAfterItsSignInHoweverBusyAndIdleAfterThirtyMinutes()
      throws Exception {
    String name = newCustomer();
    MockHttpSession session = Logins.as(mvc, name, PASSWORD);
    assertThat(stored(session).getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(30));

    // The test context's clock is the system's (a context of its own would cost every database
    // run ten more connections), so the sign-in is moved back instead of the clock forward.
    signedInAgo(session, Duration.ofHours(11).plusMinutes(59));
    mvc.perform(get("/").session(session)).andExpect(status().isOk());
    signedInAgo(session, Duration.ofHours(12).plusMinutes(1));
    mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login?expired"));

    // An htmx call of an outlived session reloads the page instead of swapping in the login.
    MockHttpSession busy = Logins.as(mvc, name, PASSWORD);
    signedInAgo(busy, Duration.ofHours(12).plusMinutes(1));
    mvc.perform(get("/").header("HX-Request", "true").session(busy))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("HX-Refresh", "true"));
  }

  @Test
  void theCleanUpDeletesSessionsUnusedLongerThanTheirIdleTimeoutUnderItsClusterWideLock()
      throws Exception {
    String name = newCustomer();
    MockHttpSession idle = Logins.as(mvc, name, PASSWORD);
    MockHttpSession busy = Logins.as(mvc, name, PASSWORD);
    lastUsedAgo(idle, Duration.ofMinutes(31));
    assertThat(rows(idle)).as("an expired session, still in the database").isOne();

    cleanup.cleanUp();

    assertThat(rows(idle)).isZero();
    assertThat(rows(busy)).isOne();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from shedlock where name = 'session-cleanup'", Integer.class))
        .as("the clean-up ran under its ShedLock lock")
        .isOne();
    mvc.perform(get("/").session(idle)).andExpect(redirectedUrl("/login?expired"));
    mvc.perform(get("/").session(busy)).andExpect(status().isOk());
  }

  @Test
  void aTemporaryPasswordWaitsForItsPageSealedInTheSessionStoreAndIsShownThereInClear()
      throws Exception {
    MockHttpSession support = Logins.as(mvc, "support");
    long tenant = tenants.create("Seal-" + UUID.randomUUID().toString().substring(0, 8)).id();
    String name = "t" + UUID.randomUUID().toString().substring(0, 8);
    IssuedPassword issued =
        (IssuedPassword)
            mvc.perform(
                    post("/support/tenants/" + tenant + "/users")
                        .param("username", name)
                        .session(support)
                        .with(csrf()))
                .andExpect(redirectedUrl("/support/tenants/" + tenant + "/users"))
                .andReturn()
                .getFlashMap()
                .get("issued");

    String stored =
        jdbc
            .queryForList(
                "select a.ATTRIBUTE_BYTES from SPRING_SESSION_ATTRIBUTES a join SPRING_SESSION s"
                    + " on a.SESSION_PRIMARY_ID = s.PRIMARY_ID where s.SESSION_ID = ?",
                byte[].class,
                MockMvcSessionCookie.sessionId(support))
            .stream()
            .map(bytes -> new String(bytes, StandardCharsets.ISO_8859_1))
            .collect(Collectors.joining());
    assertThat(stored).as("the flash attributes, stored").contains(name);
    assertThat(stored).doesNotContain(issued.password());

    String page =
        mvc.perform(get("/support/tenants/" + tenant + "/users").session(support))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("id=\"issued-value\">" + issued.password() + "<");
  }

  @Test
  void anExpiredTemporaryPasswordIsRefusedWithAMessageToAskSupport() throws Exception {
    MockHttpSession support = Logins.as(mvc, "support");
    long tenant = tenants.create("Temp-" + UUID.randomUUID().toString().substring(0, 8)).id();
    String name = "t" + UUID.randomUUID().toString().substring(0, 8);
    IssuedPassword issued =
        (IssuedPassword)
            mvc.perform(
                    post("/support/tenants/" + tenant + "/users")
                        .param("username", name)
                        .session(support)
                        .with(csrf()))
                .andReturn()
                .getFlashMap()
                .get("issued");

    issuedAgo(name, Duration.ofHours(71));
    Logins.as(mvc, name, issued.password());

    issuedAgo(name, Duration.ofHours(73));
    mvc.perform(
            post("/login")
                .param("username", name)
                .param("password", issued.password())
                .with(csrf()))
        .andExpect(redirectedUrl("/login?error=expired"));
    String page =
        mvc.perform(get("/login").param("error", "expired"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("您的临时密码已过期，请联系客服重新获取。");
    // A wrong password still gets the answer anybody gets.
    mvc.perform(post("/login").param("username", name).param("password", "nope").with(csrf()))
        .andExpect(redirectedUrl("/login?error=bad"));
  }

  /**
   * A session whose security context another version of the portal wrote (a class that moved or no
   * longer exists here) signs its user out: the sign-in page, not an error, and a fresh sign-in
   * works.
   */
  @Test
  void aSessionThatThisVersionCannotReadSignsItsUserOutInsteadOfFailing() throws Exception {
    String name = newCustomer();
    MockHttpSession session = Logins.as(mvc, name, PASSWORD);
    mvc.perform(get("/").session(session)).andExpect(status().isOk());

    int replaced =
        jdbc.update(
            "update SPRING_SESSION_ATTRIBUTES set ATTRIBUTE_BYTES = ? where ATTRIBUTE_NAME ="
                + " 'SPRING_SECURITY_CONTEXT' and SESSION_PRIMARY_ID = (select PRIMARY_ID from"
                + " SPRING_SESSION where SESSION_ID = ?)",
            ofAClassThatIsGone(),
            MockMvcSessionCookie.sessionId(session));
    assertThat(replaced).as("the stored security context").isOne();

    mvc.perform(get("/").session(session))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/login"));
    MockHttpSession again = Logins.as(mvc, name, PASSWORD);
    mvc.perform(get("/").session(again)).andExpect(status().isOk());
  }

  /** A serialized object as another version wrote it: its class is not on this class path. */
  private static byte[] ofAClassThatIsGone() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(new Moved());
    }
    byte[] written = bytes.toByteArray();
    // The same length, so the stream stays well formed: only the name no longer resolves.
    byte[] from = Moved.class.getName().getBytes(StandardCharsets.UTF_8);
    byte[] to = Moved.class.getName().replace("$Moved", "$Gone0").getBytes(StandardCharsets.UTF_8);
    int at = indexOf(written, from);
    assertThat(at).as("the class name in the stream").isNotNegative();
    System.arraycopy(to, 0, written, at, to.length);
    return written;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    return -1;
  }

  /** Stands for a class kept in sessions by an earlier version. */
  static final class Moved implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** Moves the sign-in of the session (kept in the database) back. */
  private void signedInAgo(MockHttpSession session, Duration ago) {
    signedInAgo(store, MockMvcSessionCookie.sessionId(session), ago);
  }

  private static <S extends Session> void signedInAgo(
      SessionRepository<S> repository, String id, Duration ago) {
    S stored = repository.findById(id);
    stored.setAttribute(SignedInSessions.SIGNED_IN_AT, Instant.now().minus(ago));
    repository.save(stored);
  }

  /** Moves the last use of the session (kept in the database) back. */
  private void lastUsedAgo(MockHttpSession session, Duration ago) {
    lastUsedAgo(store, MockMvcSessionCookie.sessionId(session), ago);
  }

  private static <S extends Session> void lastUsedAgo(
      SessionRepository<S> repository, String id, Duration ago) {
    S stored = repository.findById(id);
    stored.setLastAccessedTime(Instant.now().minus(ago));
    repository.save(stored);
  }

  /**
   * The session's rows in the session table, read past Spring Session (which hides expired ones).
   */
  private int rows(MockHttpSession session) {
    return jdbc.queryForObject(
        "select count(*) from SPRING_SESSION where SESSION_ID = ?",
        Integer.class,
        MockMvcSessionCookie.sessionId(session));
  }

  private Session stored(MockHttpSession session) {
    return store.findById(MockMvcSessionCookie.sessionId(session));
  }

  /** Moves the moment the user's one-time password was issued back. */
  private void issuedAgo(String username, Duration ago) {
    jdbc.update(
        "update portal_user set password_changed_at = ? where username = ?",
        // Times are stored in UTC (hibernate.jdbc.time_zone).
        LocalDateTime.ofInstant(Instant.now().minus(ago), ZoneOffset.UTC),
        username);
  }

  private String newCustomer() {
    String name = "s" + UUID.randomUUID().toString().substring(0, 8);
    long tenant = tenants.create("Sess-" + name).id();
    users.create(name, PASSWORD, Role.TENANT_ADMIN, tenant);
    return name;
  }
}
