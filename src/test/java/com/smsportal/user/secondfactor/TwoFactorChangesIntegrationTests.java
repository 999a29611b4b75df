package com.smsportal.user.secondfactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.smsportal.Logins;
import com.smsportal.PortalIntegrationTest;
import com.smsportal.tenant.TenantService;
import com.smsportal.user.Role;
import com.smsportal.user.UserService;
import com.smsportal.user.account.PortalUserRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;

/**
 * A user's own changes to their second factor: turning it off where it is optional for them, and
 * new recovery codes as a file; each only with the current password and a current code.
 */
@PortalIntegrationTest
class TwoFactorChangesIntegrationTests {

  static final String PASSWORD = "a-long-customer-passphrase";
  static final Pattern RECOVERY_CODE = Pattern.compile("\\b[0-9a-z]{4}(?:-[0-9a-z]{4}){5}\\b");

  @Autowired MockMvc mvc;
  @Autowired UserService users;
  @Autowired PortalUserRepository userRepository;
  @Autowired SecondFactors secondFactors;
  @Autowired TenantService tenants;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;

  @Test
  void aCustomerTurnsTwoStepSignInOffOnlyWithTheRightPasswordAndACurrentCode() throws Exception {
    String name = newCustomer();
    MockHttpSession session = Logins.as(mvc, name, PASSWORD);
    List<String> recovery = enrol(name);
    String page = page(session, "/account/two-factor");
    assertThat(page).contains("id=\"two-factor-off\"").contains("确定要关闭两步验证吗");

    // A wrong password: refused next to the password, and the (valid) code is not used up.
    FlashMap refused = refusedOff(session, "not-my-password", recovery.get(0));
    assertThat(refused.get("offPasswordError")).isEqualTo("password.error.current");
    assertThat(page(session, "/account/two-factor", refused)).contains("当前密码不正确");
    // The right password with a wrong code, or with none: refused next to the code.
    refused = refusedOff(session, PASSWORD, "000000");
    assertThat(refused.get("offCodeError")).isEqualTo("twofactor.error.currentCode");
    assertThat(page(session, "/account/two-factor", refused)).contains("验证码不正确、已过期或已用过");
    assertThat(refusedOff(session, PASSWORD, " ").get("offCodeError"))
        .isEqualTo("twofactor.error.codeMissing");
    assertThat(secondFactors.enrolled(id(name))).isTrue();
    assertThat(secondFactors.recoveryCodesLeft(id(name))).isEqualTo(10);
    assertThat(audited(name, "SECOND_FACTOR_DISABLED")).isZero();

    MvcResult off =
        mvc.perform(
                post("/account/two-factor/off")
                    .param("password", PASSWORD)
                    .param("code", recovery.get(0))
                    .session(session)
                    .with(csrf()))
            .andReturn();
    assertThat(off.getResponse().getRedirectedUrl()).isEqualTo("/account/two-factor");
    assertThat(secondFactors.enrolled(id(name))).isFalse();
    assertThat(secondFactors.recoveryCodesLeft(id(name))).isZero();
    assertThat(audited(name, "SECOND_FACTOR_DISABLED")).isEqualTo(1);
    // The notice the redirect leads to is proven in a browser (TwoFactorBrowserTests): MockMvc's
    // flash does not follow the session to the new id the turn-off gives it.
    assertThat(off.getFlashMap().get("turnedOff")).isEqualTo(true);
    assertThat(page(session, "/account/two-factor")).contains("id=\"two-factor-enrol\"");
    // Signing in takes the password alone again.
    assertThat(signIn(name).getRedirectedUrl()).isEqualTo("/");
  }

  @Test
  void whoseRoleOrTenantRequiresItSeesNoButtonAndAPostIsRefused() throws Exception {
    String support = "support-" + UUID.randomUUID().toString().substring(0, 8);
    users.create(support, PASSWORD, Role.SUPPORT, null);
    MockHttpSession staff = Logins.as(mvc, support, PASSWORD);
    assertThat(page(staff, "/account/two-factor"))
        .contains("id=\"two-factor-off-unavailable\"")
        .doesNotContain("id=\"two-factor-off\"");
    assertThat(postOff(staff, PASSWORD, "000000").getStatus()).isEqualTo(403);
    assertThat(secondFactors.enrolled(id(support))).isTrue();

    String customer = newCustomer();
    MockHttpSession session = Logins.as(mvc, customer, PASSWORD);
    List<String> recovery = enrol(customer);
    long tenant = userRepository.findByUsername(customer).orElseThrow().getTenantId();
    secondFactors.requireOf(tenant, true);
    assertThat(page(session, "/account/two-factor")).doesNotContain("id=\"two-factor-off\"");
    assertThat(postOff(session, PASSWORD, recovery.get(0)).getStatus()).isEqualTo(403);
    assertThat(secondFactors.enrolled(id(customer))).isTrue();
    assertThat(secondFactors.recoveryCodesLeft(id(customer))).isEqualTo(10);
  }

  @Test
  void downloadedCodesSignInOnceEachAndTheOldOnesStopWorking() throws Exception {
    String name = newCustomer();
    MockHttpSession session = Logins.as(mvc, name, PASSWORD);
    List<String> old = enrol(name);
    assertThat(page(session, "/account/two-factor")).contains("所有旧的恢复码（包括刚才未用完的）会立即失效");

    // Without a right code nothing changes: the old codes stay.
    MockHttpServletResponse refused = download(session, PASSWORD, "000000");
    assertThat(refused.getRedirectedUrl()).startsWith("/account/two-factor");
    assertThat(secondFactors.recoveryCodesLeft(id(name))).isEqualTo(10);

    MockHttpServletResponse file = download(session, PASSWORD, old.get(0));
    assertThat(file.getStatus()).isEqualTo(200);
    assertThat(file.getContentType()).startsWith("text/plain");
    assertThat(file.getHeader("Content-Disposition")).startsWith("attachment").contains(".txt");
    assertThat(file.getHeader("Cache-Control")).contains("no-store");
    List<String> fresh = codesIn(file.getContentAsString());
    assertThat(fresh).hasSize(RecoveryCodes.COUNT).doesNotContainAnyElementsOf(old);
    assertThat(audited(name, "RECOVERY_CODES_ISSUED")).isEqualTo(1);

    for (String code : fresh) {
      assertThat(signInWithCode(name, code)).as(code).isEqualTo("/");
    }
    assertThat(signInWithCode(name, fresh.get(0))).as("a code used before").isNotEqualTo("/");
    assertThat(signInWithCode(name, old.get(1))).as("a code made before").isNotEqualTo("/");
  }

  // --- helpers

  private String newCustomer() {
    String name = "c-" + UUID.randomUUID().toString().substring(0, 8);
    long tenant = tenants.create("T2C-" + name).id();
    users.create(name, PASSWORD, Role.TENANT_ADMIN, tenant);
    return name;
  }

  private long id(String name) {
    return userRepository.findByUsername(name).orElseThrow().getId();
  }

  /** A second factor as the enrolment page makes it; its ten recovery codes. */
  private List<String> enrol(String name) {
    String secret = secondFactors.pendingSecret(id(name));
    return secondFactors
        .confirm(id(name), TotpCodes.previous(secret, clock.instant()))
        .orElseThrow();
  }

  private MockHttpServletResponse postOff(MockHttpSession session, String password, String code)
      throws Exception {
    return mvc.perform(
            post("/account/two-factor/off")
                .param("password", password)
                .param("code", code)
                .session(session)
                .with(csrf()))
        .andReturn()
        .getResponse();
  }

  private FlashMap refusedOff(MockHttpSession session, String password, String code)
      throws Exception {
    MvcResult result =
        mvc.perform(
                post("/account/two-factor/off")
                    .param("password", password)
                    .param("code", code)
                    .session(session)
                    .with(csrf()))
            .andReturn();
    assertThat(result.getResponse().getRedirectedUrl()).startsWith("/account/two-factor#");
    return result.getFlashMap();
  }

  private MockHttpServletResponse download(MockHttpSession session, String password, String code)
      throws Exception {
    return mvc.perform(
            post("/account/two-factor/recovery-codes.txt")
                .param("password", password)
                .param("code", code)
                .session(session)
                .with(csrf()))
        .andReturn()
        .getResponse();
  }

  private String page(MockHttpSession session, String path) throws Exception {
    return page(session, path, new FlashMap());
  }

  private String page(MockHttpSession session, String path, FlashMap flash) throws Exception {
    MockHttpServletRequestBuilder request = get(path).session(session);
    if (!flash.isEmpty()) {
      // What the redirect's flash hands the next page (the portal's sessions are Spring Session's,
      // which MockMvc's own flash attributes do not reach).
      request.requestAttr(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE, flash);
    }
    MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
    assertThat(response.getStatus()).as(path).isEqualTo(200);
    return response.getContentAsString();
  }

  private MockHttpServletResponse signIn(String name) throws Exception {
    return mvc.perform(
            post("/login")
                .param("username", name)
                .param("password", PASSWORD)
                .with(
                    SecondFactorIntegrationTests.from(SecondFactorIntegrationTests.randomAddress()))
                .with(csrf()))
        .andReturn()
        .getResponse();
  }

  /** Signs in with the password and this code on the code page; where it led. */
  private String signInWithCode(String name, String code) throws Exception {
    MvcResult password =
        mvc.perform(
                post("/login")
                    .param("username", name)
                    .param("password", PASSWORD)
                    .with(
                        SecondFactorIntegrationTests.from(
                            SecondFactorIntegrationTests.randomAddress()))
                    .with(csrf()))
            .andReturn();
    assertThat(password.getResponse().getRedirectedUrl()).isEqualTo("/login/verify");
    return mvc.perform(
            post("/login/verify")
                .param("code", code)
                .session((MockHttpSession) password.getRequest().getSession(false))
                .with(csrf()))
        .andReturn()
        .getResponse()
        .getRedirectedUrl();
  }

  private static List<String> codesIn(String text) {
    List<String> codes = new ArrayList<>();
    Matcher m = RECOVERY_CODE.matcher(text);
    while (m.find()) {
      codes.add(m.group());
    }
    return codes;
  }

  private long audited(String name, String action) {
    return jdbc.queryForObject(
        "select count(*) from audit_event where actor = ? and action = ?",
        Long.class,
        name,
        action);
  }
}
