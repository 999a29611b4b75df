package com.smsportal.user.secondfactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.smsportal.DatabaseDependent;
import com.smsportal.Logins;
import com.smsportal.PortalIntegrationTest;
import com.smsportal.tenant.TenantService;
import com.smsportal.user.Role;
import com.smsportal.user.UserService;
import com.smsportal.user.account.PortalUserRepository;
import com.smsportal.user.throttle.LoginAttempt;
import com.smsportal.user.throttle.LoginAttemptRepository;
import com.smsportal.user.throttle.LoginOutcome;
import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Sign-in with a second factor, and throttling that cannot be turned against the real user: the
 * code page, the lock of a name on one address that a password and a code pass together, the
 * per-address slowdown, and the enrolment staff must go through.
 */
@DatabaseDependent("a code and a recovery code accepted once (row locks); the login counters")
@PortalIntegrationTest
class SecondFactorIntegrationTests {

  static final String PASSWORD = "a-long-admin-passphrase";

  @Autowired MockMvc mvc;
  @Autowired UserService users;
  @Autowired PortalUserRepository userRepository;
  @Autowired SecondFactors secondFactors;
  @Autowired LoginAttemptRepository attempts;
  @Autowired TenantService tenants;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;

  @Test
  void fiveWrongPasswordsForAnAdminLockOnlyThatAddressWhereThePasswordWithACodeStillPasses()
      throws Exception {
    String admin = newUser(Role.ADMIN);
    String secret = enrol(admin);
    RequestPostProcessor attacker = from(randomAddress());
    for (int i = 1; i <= 4; i++) {
      login(admin, "guess-" + i, attacker).andExpect(redirectedUrl("/login?error=bad"));
    }
    login(admin, "guess-5", attacker).andExpect(redirectedUrl("/login?error=locked"));

    // From another address the real admin is not locked at all: on to the code page.
    login(admin, PASSWORD, from(randomAddress())).andExpect(redirectedUrl("/login/verify"));

    // On the locked address, the password alone does not pass, and says nothing about being right.
    login(admin, PASSWORD, attacker).andExpect(redirectedUrl("/login?error=locked"));
    // The password and a code together do.
    MvcResult in =
        mvc.perform(
                loginRequest(admin, PASSWORD)
                    .with(attacker)
                    .with(code(TotpCodes.next(secret, clock.instant()))))
            .andExpect(redirectedUrl("/"))
            .andReturn();
    MockHttpSession session = (MockHttpSession) in.getRequest().getSession(false);
    mvc.perform(get("/admin/logins").session(session)).andExpect(status().isOk());
  }

  @Test
  void fiftyWrongPasswordsOverFiftyMadeUpNamesFromOneAddressAreSlowedAndStoreNothingPerName()
      throws Exception {
    RequestPostProcessor sprayer = from(randomAddress());
    // A customer who signed in from that address before the spraying began.
    String regular = newCustomer();
    signedIn(login(regular, PASSWORD, sprayer));
    String prefix = "spray" + UUID.randomUUID().toString().substring(0, 6);
    long auditBefore = auditRowsLike(prefix);
    int slowed = 0;
    for (int i = 0; i < 50; i++) {
      String target =
          login(prefix + "-" + i, "Summer2026!", sprayer)
              .andReturn()
              .getResponse()
              .getRedirectedUrl();
      if (target.startsWith("/login?error=slow&wait=")) {
        slowed++;
      } else {
        assertThat(target).isEqualTo("/login?error=bad");
      }
    }
    assertThat(slowed).as("attempts refused after the address's limit").isEqualTo(30);
    for (int i = 0; i < 50; i++) {
      String name = prefix + "-" + i;
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from login_counter where counter_key like ?",
                  Long.class,
                  "%" + name + "%"))
          .as(name)
          .isZero();
      assertThat(attempts.findByUsernameOrderByIdDesc(name, Limit.of(1))).as(name).isEmpty();
    }
    assertThat(auditRowsLike(prefix)).isEqualTo(auditBefore);

    // The customer who signed in from there before is not slowed down; one who never did is told
    // to wait a few seconds (not locked out).
    signedIn(login(regular, PASSWORD, sprayer));
    String customer = newCustomer();
    assertThat(login(customer, PASSWORD, sprayer).andReturn().getResponse().getRedirectedUrl())
        .startsWith("/login?error=slow&wait=");
  }

  @Test
  void theRightPasswordLeadsToTheCodePageAndOnlyAValidCodeSignsIn() throws Exception {
    String admin = newUser(Role.ADMIN);
    String secret = enrol(admin);
    RequestPostProcessor here = from(randomAddress());

    MvcResult password =
        login(admin, PASSWORD, here).andExpect(redirectedUrl("/login/verify")).andReturn();
    MockHttpSession session = (MockHttpSession) password.getRequest().getSession(false);
    // Not signed in yet: every page leads to the login (the page asked for kept in a cookie).
    Cookie asked =
        mvc.perform(get("/admin/logins").session(session))
            .andExpect(redirectedUrl("/login"))
            .andReturn()
            .getResponse()
            .getCookie("REDIRECT_URI");

    String page =
        mvc.perform(post("/login/verify").param("code", "000000").session(session).with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("id=\"verify-error\"").contains("验证码不正确");

    mvc.perform(
            post("/login/verify")
                .param("code", TotpCodes.next(secret, clock.instant()))
                .session(session)
                .cookie(asked)
                .with(csrf()))
        // On to the page asked for before the login.
        .andExpect(redirectedUrl("/admin/logins"));
    mvc.perform(get("/admin/logins").session(session)).andExpect(status().isOk());
    assertThat(attempts.findByUsernameOrderByIdDesc(admin, Limit.of(2)))
        .extracting(LoginAttempt::getOutcome)
        .containsExactly(LoginOutcome.SUCCESS, LoginOutcome.BAD_CODE);
  }

  @Test
  void aCodeIsAcceptedOnceAndARecoveryCodeOnce() throws Exception {
    String admin = newUser(Role.ADMIN);
    long id = userRepository.findByUsername(admin).orElseThrow().getId();
    String secret = secondFactors.pendingSecret(id);
    List<String> codes =
        secondFactors.confirm(id, TotpCodes.previous(secret, clock.instant())).orElseThrow();
    assertThat(codes).hasSize(10).doesNotHaveDuplicates();

    String code = TotpCodes.at(secret, clock.instant());
    assertThat(secondFactors.verify(id, code)).isEqualTo(SecondFactors.Check.TOTP);
    assertThat(secondFactors.verify(id, code)).isEqualTo(SecondFactors.Check.WRONG);

    String recovery = codes.get(3).toUpperCase().replace("-", " ");
    assertThat(secondFactors.verify(id, recovery)).isEqualTo(SecondFactors.Check.RECOVERY_CODE);
    assertThat(secondFactors.verify(id, recovery)).isEqualTo(SecondFactors.Check.WRONG);
    assertThat(secondFactors.recoveryCodesLeft(id)).isEqualTo(9);
    // Nothing readable is stored: the key is sealed, the codes are hashes.
    String stored =
        jdbc.queryForObject(
            "select secret from user_second_factor where user_id = ?", String.class, id);
    assertThat(stored).startsWith("v2:").doesNotContain(secret);
    assertThat(
            jdbc.queryForList(
                "select code_hash from recovery_code where user_id = ?", String.class, id))
        .hasSize(10)
        .noneMatch(hash -> codes.stream().anyMatch(hash::contains));
  }

  @Test
  void staffWithoutASecondFactorCanDoNothingButEnrolAndThenGetTenRecoveryCodesOnce()
      throws Exception {
    String support = newUser(Role.SUPPORT);
    MockHttpSession session = signedIn(login(support, PASSWORD, from(randomAddress())));
    mvc.perform(get("/support/tenants").session(session))
        .andExpect(redirectedUrl("/account/two-factor"));
    mvc.perform(get("/").header("HX-Request", "true").session(session))
        .andExpect(status().isNoContent());

    String enrolment =
        mvc.perform(get("/account/two-factor").session(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(enrolment).contains("id=\"totp-qr\"").contains("id=\"totp-secret\"");
    String secret = secretShownOn(enrolment);
    String qr =
        mvc.perform(get("/account/two-factor/qr.svg").session(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(qr).startsWith("<svg");

    String wrong =
        mvc.perform(
                post("/account/two-factor").param("code", "12345x").session(session).with(csrf()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(wrong).contains("id=\"code-error\"");
    assertThat(secondFactors.enrolled(userRepository.findByUsername(support).orElseThrow().getId()))
        .isFalse();

    String codesPage =
        mvc.perform(
                post("/account/two-factor")
                    .param("code", TotpCodes.at(secret, clock.instant()))
                    .session(session)
                    .with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(codesPage.split("class=\"recovery-code\"", -1)).hasSize(11);
    mvc.perform(get("/support/tenants").session(session)).andExpect(status().isOk());
    // Shown once: the page afterwards says how many are left, never which.
    String after =
        mvc.perform(get("/account/two-factor").session(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(after).contains("id=\"recovery-left\"").doesNotContain("recovery-code\"");
  }

  @Test
  void supportCanRequireASecondFactorOfATenantsCustomersFromTheirNextLogin() throws Exception {
    String customer = newCustomer();
    long tenant = userRepository.findByUsername(customer).orElseThrow().getTenantId();
    MockHttpSession support = Logins.as(mvc, "support");
    mvc.perform(
            post("/support/tenants/" + tenant + "/second-factor")
                .param("required", "true")
                .session(support)
                .with(csrf()))
        .andExpect(redirectedUrl("/support/tenants/" + tenant + "/users"));

    MockHttpSession session = signedIn(login(customer, PASSWORD, from(randomAddress())));
    mvc.perform(get("/send").session(session)).andExpect(redirectedUrl("/account/two-factor"));
  }

  @Test
  void anAdministratorResetsASecondFactorWhichEndsTheUsersSessionsAndSupportCannot()
      throws Exception {
    String user = newUser(Role.SUPPORT);
    String secret = enrol(user);
    long id = userRepository.findByUsername(user).orElseThrow().getId();
    MockHttpSession theirs = completeWithCode(login(user, PASSWORD, from(randomAddress())), secret);
    mvc.perform(get("/support/tenants").session(theirs)).andExpect(status().isOk());

    mvc.perform(
            post("/admin/users/" + id + "/reset-second-factor")
                .session(Logins.as(mvc, "support"))
                .with(csrf()))
        .andExpect(status().isForbidden());
    assertThat(secondFactors.enrolled(id)).isTrue();

    mvc.perform(
            post("/admin/users/" + id + "/reset-second-factor")
                .session(Logins.as(mvc, "admin"))
                .with(csrf()))
        .andExpect(redirectedUrl("/support/staff"));
    assertThat(secondFactors.enrolled(id)).isFalse();
    mvc.perform(get("/support/tenants").session(theirs)).andExpect(redirectedUrl("/login?expired"));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_event where action = 'SECOND_FACTOR_RESET'"
                    + " and target = ?",
                Long.class,
                user))
        .isEqualTo(1);
    // Next login: enrol again.
    MockHttpSession again = signedIn(login(user, PASSWORD, from(randomAddress())));
    mvc.perform(get("/").session(again)).andExpect(redirectedUrl("/account/two-factor"));
  }

  @Test
  void theAdministratorsPageShowsTheFailureAlarmAndBlockedAddresses() throws Exception {
    String page =
        mvc.perform(get("/admin/logins").session(Logins.as(mvc, "admin")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("id=\"login-alarm\"").contains("次登录失败");
  }

  // --- helpers

  private String newUser(Role role) {
    String name = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
    users.create(name, PASSWORD, role, null);
    return name;
  }

  private String newCustomer() {
    String name = "c-" + UUID.randomUUID().toString().substring(0, 8);
    long tenant = tenants.create("T2F-" + name).id();
    users.create(name, PASSWORD, Role.TENANT_ADMIN, tenant);
    return name;
  }

  /** Enrols a second factor as the enrolment page does; the key, its first code's step used. */
  private String enrol(String username) {
    long id = userRepository.findByUsername(username).orElseThrow().getId();
    String secret = secondFactors.pendingSecret(id);
    secondFactors.confirm(id, TotpCodes.previous(secret, clock.instant())).orElseThrow();
    return secret;
  }

  private ResultActions login(String user, String password, RequestPostProcessor from)
      throws Exception {
    return mvc.perform(loginRequest(user, password).with(from));
  }

  private static MockHttpServletRequestBuilder loginRequest(String user, String password) {
    return post("/login").param("username", user).param("password", password).with(csrf());
  }

  private MockHttpSession signedIn(ResultActions login) throws Exception {
    MvcResult result = login.andExpect(redirectedUrl("/")).andReturn();
    return (MockHttpSession) result.getRequest().getSession(false);
  }

  private MockHttpSession completeWithCode(ResultActions login, String secret) throws Exception {
    MvcResult result = login.andExpect(redirectedUrl("/login/verify")).andReturn();
    MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
    mvc.perform(
            post("/login/verify")
                .param("code", TotpCodes.at(secret, clock.instant()))
                .session(session)
                .with(csrf()))
        .andExpect(redirectedUrl("/"));
    return session;
  }

  private long auditRowsLike(String prefix) {
    return jdbc.queryForObject(
        "select count(*) from audit_event where actor like ? or target like ?",
        Long.class,
        prefix + "%",
        prefix + "%");
  }

  private static String secretShownOn(String page) {
    int at = page.indexOf("id=\"totp-secret\">");
    return page.substring(at + "id=\"totp-secret\">".length(), page.indexOf('<', at))
        .replace(" ", "");
  }

  private static RequestPostProcessor code(String code) {
    return request -> {
      request.addParameter("code", code);
      return request;
    };
  }

  static RequestPostProcessor from(String address) {
    return request -> {
      request.setRemoteAddr(address);
      return request;
    };
  }

  /** An address of its own per test (TEST-NET-3 and the benchmark range). */
  static String randomAddress() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return "198.18." + random.nextInt(0, 256) + "." + random.nextInt(1, 255);
  }
}
