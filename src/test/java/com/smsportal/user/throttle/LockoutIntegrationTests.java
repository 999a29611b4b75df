package com.smsportal.user.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.smsportal.DatabaseDependent;
import com.smsportal.Logins;
import com.smsportal.MutableClock;
import com.smsportal.QuickPasswordHashes;
import com.smsportal.tenant.TenantService;
import com.smsportal.user.Role;
import com.smsportal.user.UserService;
import com.smsportal.user.secondfactor.SecondFactorFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@DatabaseDependent(
    "login counters: conditional UPDATEs that MySQL and H2 read differently; concurrent attempts")
@SpringBootTest
@AutoConfigureMockMvc
class LockoutIntegrationTests {

  static final String PASSWORD = "correct-horse-battery";

  @TestConfiguration
  static class Time {
    @Bean
    @Primary
    MutableClock testClock() {
      return new MutableClock(Instant.parse("2026-11-25T08:00:00Z"));
    }
  }

  @Autowired MockMvc mvc;
  @Autowired MutableClock clock;
  @Autowired UserService users;
  @Autowired LoginAttemptRepository attempts;
  @Autowired TenantService tenants;
  @Autowired ApplicationContext context;

  @Test
  void fiveFailedLoginsLockTheUserNameForFifteenMinutesEvenWithTheRightPassword() throws Exception {
    String name = newUser();
    for (int i = 1; i <= 4; i++) {
      login(name, "wrong").andExpect(redirectedUrl("/login?error=bad"));
    }
    login(name, "wrong").andExpect(redirectedUrl("/login?error=locked"));
    login(name, PASSWORD).andExpect(redirectedUrl("/login?error=locked"));

    clock.advance(Duration.ofMinutes(14));
    login(name, PASSWORD).andExpect(redirectedUrl("/login?error=locked"));

    clock.advance(Duration.ofMinutes(2));
    login(name, PASSWORD).andExpect(redirectedUrl("/"));
  }

  @Test
  void aSuccessfulLoginForgetsEarlierFailures() throws Exception {
    String name = newUser();
    for (int i = 1; i <= 4; i++) {
      login(name, "wrong").andExpect(redirectedUrl("/login?error=bad"));
    }
    login(name, PASSWORD).andExpect(redirectedUrl("/"));
    for (int i = 1; i <= 4; i++) {
      login(name, "wrong").andExpect(redirectedUrl("/login?error=bad"));
    }
    login(name, PASSWORD).andExpect(redirectedUrl("/"));
  }

  @Test
  void anUnknownUserNameLocksExactlyLikeAKnownOne() throws Exception {
    String nobody = "ghost-" + UUID.randomUUID().toString().substring(0, 8);
    for (int i = 1; i <= 4; i++) {
      login(nobody, "wrong").andExpect(redirectedUrl("/login?error=bad"));
    }
    login(nobody, "wrong").andExpect(redirectedUrl("/login?error=locked"));
  }

  @Test
  void everyAttemptIsRecordedWithItsOutcomeAndNeverThePassword() throws Exception {
    String name = newUser();
    login(name, "typed-secret-1").andReturn();
    login(name, PASSWORD).andReturn();

    var recorded = attempts.findByUsernameOrderByIdDesc(name, Limit.of(10));
    assertThat(recorded)
        .extracting(LoginAttempt::getOutcome)
        .containsExactly(LoginOutcome.SUCCESS, LoginOutcome.BAD_CREDENTIALS);
    assertThat(recorded).allSatisfy(a -> assertThat(a.getClientIp()).isNotBlank());
  }

  @Test
  void anAdminCanLiftALockAtOnce() throws Exception {
    String name = newUser();
    for (int i = 1; i <= 5; i++) {
      login(name, "wrong").andReturn();
    }
    login(name, PASSWORD).andExpect(redirectedUrl("/login?error=locked"));

    MockHttpSession admin = Logins.as(mvc, "admin");
    String page =
        mvc.perform(get("/admin/logins").session(admin))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains(name);
    mvc.perform(post("/admin/logins/unlock").param("username", name).session(admin).with(csrf()))
        .andExpect(redirectedUrl("/admin/logins"));

    login(name, PASSWORD).andExpect(redirectedUrl("/"));
  }

  // --- issue 20: no lockout of the real user

  @Test
  void fiftyWrongPasswordsFromOneAddressLockTheNameThereOnlyNotFromAnother() throws Exception {
    String name = newUser();
    String attacker = address();
    for (int i = 1; i <= 50; i++) {
      login(name, "wrong-" + i, attacker).andReturn();
    }
    login(name, PASSWORD, attacker).andExpect(redirectedUrl("/login?error=locked"));
    // The real user, at home: not locked, not even slowed down.
    login(name, PASSWORD, address()).andExpect(redirectedUrl("/"));
    assertThat(evaluated(name)).as("wrong passwords checked").isEqualTo(5);
  }

  @Test
  void guessingFromManyAddressesIsSlowedPerUserButNeverLocksTheRealUserOut() throws Exception {
    String name = newUser();
    String home = address();
    login(name, PASSWORD, home).andExpect(redirectedUrl("/"));
    for (int i = 1; i <= 10; i++) {
      login(name, "wrong-" + i, address()).andExpect(redirectedUrl("/login?error=bad"));
    }
    // The eleventh address is told to wait, and its password is not looked at.
    login(name, "wrong-11", address()).andExpect(redirectedUrl("/login?error=slow&wait=60"));
    login(name, PASSWORD, address()).andExpect(redirectedUrl("/login?error=slow&wait=60"));
    assertThat(evaluated(name)).isEqualTo(10);

    // From the address the user signed in from before: in at once.
    login(name, PASSWORD, home).andExpect(redirectedUrl("/"));
    // From a new one: a delay, not a lock.
    clock.advance(Duration.ofSeconds(61));
    login(name, PASSWORD, address()).andExpect(redirectedUrl("/"));
  }

  @Test
  void fiftyConcurrentWrongPasswordsFromFiftyAddressesAreCheckedExactlyTenTimes() throws Exception {
    String name = newUser();
    // The 50 attempts overlap the password check as long as it takes in the shipped portal.
    context
        .getBean(JdbcTemplate.class)
        .update(
            "update portal_user set password_hash = ? where username = ?",
            QuickPasswordHashes.shippedHash(PASSWORD),
            name);
    ExecutorService pool = Executors.newFixedThreadPool(50);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        String from = address();
        answers.add(
            pool.submit(
                () -> {
                  go.await();
                  return login(name, "wrong", from).andReturn().getResponse().getStatus();
                }));
      }
      go.countDown();
      for (Future<Integer> answer : answers) {
        assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(302);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(evaluated(name)).as("wrong passwords checked").isEqualTo(10);
  }

  @Test
  void theUserIsToldOfFailedAttemptsSinceTheirLastSignInUntilTheyDismissIt() throws Exception {
    String name = newCustomer();
    login(name, PASSWORD, address()).andExpect(redirectedUrl("/"));
    String attacker = "203.0.113.77";
    for (int i = 1; i <= 3; i++) {
      login(name, "wrong-" + i, attacker).andExpect(redirectedUrl("/login?error=bad"));
    }
    clock.advance(Duration.ofMinutes(1));

    MockHttpSession session = session(login(name, PASSWORD, address()));
    String zh = page(session, "zh-CN");
    assertThat(zh)
        .contains("id=\"sign-in-notice\"")
        .contains("自上次登录以来，您的账号有 3 次失败的登录尝试")
        .contains("来自 203.0.113.77");
    assertThat(page(session, "en"))
        .contains("Since your last sign-in there were 3 failed sign-in attempts on your account")
        .contains("from 203.0.113.77");

    mvc.perform(post("/account/sign-in-notice/dismiss").session(session).with(csrf()))
        .andExpect(redirectedUrl("/"));
    assertThat(page(session, "en")).doesNotContain("sign-in-notice");
    // The next sign-in, with no failure in between, tells of nothing.
    MockHttpSession next = session(login(name, PASSWORD, address()));
    assertThat(page(next, "en")).doesNotContain("sign-in-notice");
  }

  // --- issue 20: the current-password checks share the login throttle

  @Test
  void twentyFiveGuessesOfTheCurrentPasswordWithAStolenSessionAreNotAllChecked() throws Exception {
    String name = newCustomer();
    MockHttpSession stolen = session(login(name, PASSWORD, address()));
    String thief = address();
    int tooMany = 0;
    for (int i = 1; i <= 25; i++) {
      String page =
          mvc.perform(
                  post("/account/password")
                      .param("current", "guess-" + i)
                      .param("password", "a-brand-new-long-password")
                      .param("repeat", "a-brand-new-long-password")
                      .session(stolen)
                      .with(csrf())
                      .with(from(thief)))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString();
      if (page.contains("当前密码输错次数过多")) {
        tooMany++;
      } else {
        assertThat(page).contains("当前密码不正确。");
      }
    }
    assertThat(evaluated(name)).as("guesses checked").isEqualTo(5);
    assertThat(tooMany).isEqualTo(20);
  }

  @Test
  void guessesOnTheRecoveryCodesFormCountTowardsTheSameLock() throws Exception {
    String name = newCustomer();
    List<String> codes = SecondFactorFixture.enrol(context, users.idOf(name).orElseThrow());
    String thief = address();
    MvcResult password =
        login(name, PASSWORD, thief).andExpect(redirectedUrl("/login/verify")).andReturn();
    MockHttpSession session = (MockHttpSession) password.getRequest().getSession(false);
    mvc.perform(
            post("/login/verify")
                .param("code", codes.get(0))
                .session(session)
                .with(csrf())
                .with(from(thief)))
        .andExpect(redirectedUrl("/"));
    for (int i = 1; i <= 5; i++) {
      mvc.perform(
              post("/account/two-factor/recovery-codes")
                  .param("password", "guess-" + i)
                  .session(session)
                  .with(csrf())
                  .with(from(thief)))
          .andExpect(status().isOk());
    }
    assertThat(evaluated(name)).isEqualTo(5);
    // The name is now locked on that address for the login form too.
    login(name, PASSWORD, thief).andExpect(redirectedUrl("/login?error=locked"));
  }

  // --- issue 20: a sign-in waiting for its code ends when the password changes

  @Test
  void aSignInWaitingForItsCodeEndsWhenTheUserChangesThePassword() throws Exception {
    String name = newCustomer();
    List<String> codes = SecondFactorFixture.enrol(context, users.idOf(name).orElseThrow());
    MockHttpSession pending = pendingSignIn(name);

    MockHttpSession user = session(login(name, PASSWORD, address()), codes.get(0));
    mvc.perform(
            post("/account/password")
                .param("current", PASSWORD)
                .param("password", "a-brand-new-long-password")
                .param("repeat", "a-brand-new-long-password")
                .session(user)
                .with(csrf()))
        .andExpect(redirectedUrl("/"));

    mvc.perform(post("/login/verify").param("code", codes.get(1)).session(pending).with(csrf()))
        .andExpect(redirectedUrl("/login?error=timeout"));
    mvc.perform(get("/").session(pending)).andExpect(redirectedUrl("/login"));
  }

  @Test
  void aSignInWaitingForItsCodeEndsWhenSupportResetsThePassword() throws Exception {
    String name = newCustomer();
    List<String> codes = SecondFactorFixture.enrol(context, users.idOf(name).orElseThrow());
    MockHttpSession pending = pendingSignIn(name);

    MockHttpSession support = Logins.as(mvc, "support");
    mvc.perform(
            post("/support/users/" + users.idOf(name).orElseThrow() + "/reset-password")
                .session(support)
                .with(csrf()))
        .andExpect(status().is3xxRedirection());

    mvc.perform(post("/login/verify").param("code", codes.get(0)).session(pending).with(csrf()))
        .andExpect(redirectedUrl("/login?error=timeout"));
  }

  private MockHttpSession pendingSignIn(String name) throws Exception {
    MvcResult password =
        login(name, PASSWORD, address()).andExpect(redirectedUrl("/login/verify")).andReturn();
    return (MockHttpSession) password.getRequest().getSession(false);
  }

  private MockHttpSession session(ResultActions login) throws Exception {
    MvcResult result = login.andExpect(redirectedUrl("/")).andReturn();
    return (MockHttpSession) result.getRequest().getSession(false);
  }

  private MockHttpSession session(ResultActions login, String code) throws Exception {
    MvcResult result = login.andExpect(redirectedUrl("/login/verify")).andReturn();
    MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
    mvc.perform(post("/login/verify").param("code", code).session(session).with(csrf()))
        .andExpect(redirectedUrl("/"));
    return session;
  }

  private String page(MockHttpSession session, String language) throws Exception {
    return mvc.perform(get("/account/password").param("lang", language).session(session))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  /** The user's wrong passwords that reached the password check. */
  private long evaluated(String name) {
    return attempts.findByUsernameOrderByIdDesc(name, Limit.of(1000)).stream()
        .filter(
            a ->
                a.getOutcome() == LoginOutcome.BAD_CREDENTIALS
                    || a.getOutcome() == LoginOutcome.LOCKED)
        .count();
  }

  private String newCustomer() {
    String name = "cust-" + UUID.randomUUID().toString().substring(0, 8);
    users.create(name, PASSWORD, Role.TENANT_ADMIN, tenants.create("Lock-" + name).id());
    return name;
  }

  /** An address of its own, outside the ranges the other tests draw theirs from. */
  private static String address() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return "203.0." + random.nextInt(114, 256) + "." + random.nextInt(1, 255);
  }

  private static RequestPostProcessor from(String address) {
    return request -> {
      request.setRemoteAddr(address);
      return request;
    };
  }

  private ResultActions login(String user, String password, String address) throws Exception {
    return mvc.perform(
        post("/login")
            .param("username", user)
            .param("password", password)
            .with(csrf())
            .with(from(address)));
  }

  private String newUser() {
    String name = "lock-" + UUID.randomUUID().toString().substring(0, 8);
    users.create(name, PASSWORD, Role.SUPPORT, null);
    return name;
  }

  /**
   * Each test logs in from an address of its own (TEST-NET-2), so that its failures count against
   * neither another test's address nor the one every other test logs in from.
   */
  private final String clientIp =
      "198.51.100." + java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 255);

  private org.springframework.test.web.servlet.ResultActions login(String user, String password)
      throws Exception {
    return mvc.perform(
        post("/login")
            .param("username", user)
            .param("password", password)
            .with(csrf())
            .with(
                request -> {
                  request.setRemoteAddr(clientIp);
                  return request;
                }));
  }
}
