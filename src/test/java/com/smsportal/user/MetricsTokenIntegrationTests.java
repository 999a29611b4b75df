package com.smsportal.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.smsportal.PortalIntegrationTest;
import com.smsportal.user.account.PortalUserRepository;
import com.smsportal.user.secondfactor.SecondFactors;
import com.smsportal.user.secondfactor.TotpCodes;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The metrics have a credential of their own (issue 20): an administrator's password over HTTP
 * Basic, which once signed in on {@code /actuator/**} without a code and so cleared the
 * administrator's wrong-code counter, opens nothing and changes nothing; the metrics token opens
 * the metrics and no page.
 */
@PortalIntegrationTest
class MetricsTokenIntegrationTests {

  static final String TOKEN = PortalIntegrationTest.METRICS_TOKEN;
  static final String PASSWORD = "a-long-admin-passphrase";

  @Autowired MockMvc mvc;
  @Autowired UserService users;
  @Autowired PortalUserRepository userRepository;
  @Autowired SecondFactors secondFactors;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;

  @Test
  void anAdministratorsPasswordOverBasicOpensNoMetricsAndClearsNoCounter() throws Exception {
    String admin = "admin-" + UUID.randomUUID().toString().substring(0, 8);
    users.create(admin, PASSWORD, Role.ADMIN, null);
    long id = userRepository.findByUsername(admin).orElseThrow().getId();
    String secret = secondFactors.pendingSecret(id);
    secondFactors.confirm(id, TotpCodes.previous(secret, clock.instant())).orElseThrow();
    // Three wrong codes after the right password: the counters the attack used to clear.
    MockHttpSession pending =
        (MockHttpSession)
            mvc.perform(
                    post("/login")
                        .param("username", admin)
                        .param("password", PASSWORD)
                        .with(csrf())
                        .with(from("198.51.100.20")))
                .andExpect(redirectedUrl("/login/verify"))
                .andReturn()
                .getRequest()
                .getSession(false);
    String wrong = TotpCodes.at(secret, clock.instant()).equals("123456") ? "654321" : "123456";
    for (int i = 0; i < 3; i++) {
      mvc.perform(
          post("/login/verify")
              .param("code", wrong)
              .session(pending)
              .with(csrf())
              .with(from("198.51.100.20")));
    }
    List<Map<String, Object>> counters = countersOf(admin);
    assertThat(counters).as("the wrong codes were counted").isNotEmpty();
    long records = loginRecordsOf(admin);

    mvc.perform(
            get("/actuator/prometheus")
                .with(httpBasic(admin, PASSWORD))
                .with(from("198.51.100.21")))
        .andExpect(status().isUnauthorized());

    assertThat(countersOf(admin)).as("nothing cleared, nothing counted").isEqualTo(counters);
    assertThat(loginRecordsOf(admin)).isEqualTo(records);
  }

  @Test
  void theTokenOpensTheMetricsAndNoPage() throws Exception {
    String metrics =
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + TOKEN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(metrics).contains("# HELP").contains("jvm_");
    mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer wrong-" + TOKEN))
        .andExpect(status().isUnauthorized());
    mvc.perform(get("/actuator/prometheus").header("Authorization", "Basic " + TOKEN))
        .andExpect(status().isUnauthorized());
    mvc.perform(get("/actuator/health")).andExpect(status().isOk());

    for (String page : List.of("/", "/admin/logins", "/support/tenants", "/jobs")) {
      mvc.perform(get(page).header("Authorization", "Bearer " + TOKEN))
          .andExpect(redirectedUrl("/login"));
    }
  }

  /** The login counters kept for this user, whatever their shape: every row naming it. */
  private List<Map<String, Object>> countersOf(String username) {
    return jdbc.queryForList("select * from login_counter where username = ?", username);
  }

  private long loginRecordsOf(String username) {
    return jdbc.queryForObject(
        "select count(*) from login_attempt where username = ?", Long.class, username);
  }

  private static RequestPostProcessor from(String address) {
    return request -> {
      request.setRemoteAddr(address);
      return request;
    };
  }
}
