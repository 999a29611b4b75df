package com.smsportal.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import com.smsportal.Logins;
import com.smsportal.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.domain.Limit;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

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
