package com.smsportal.gatewayaccount.rotation;

import static com.smsportal.gatewayaccount.AccountCalls.unusable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.smsportal.DatabaseDependent;
import com.smsportal.Logins;
import com.smsportal.MutableClock;
import com.smsportal.SimulatorControl;
import com.smsportal.TestEndpoints;
import com.smsportal.audit.AuditDetail;
import com.smsportal.audit.AuditDetails;
import com.smsportal.gateway.Balance;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gateway.GatewayClient;
import com.smsportal.gateway.GatewayError;
import com.smsportal.gateway.GatewayException;
import com.smsportal.gateway.GatewayLogin;
import com.smsportal.gatewayaccount.AccountCall;
import com.smsportal.gatewayaccount.AccountCall.Unusable;
import com.smsportal.gatewayaccount.AccountGateway;
import com.smsportal.gatewayaccount.GatewayAccess;
import com.smsportal.gatewayaccount.GatewayAccountView;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.gatewayaccount.GatewayEndpoints;
import com.smsportal.gatewayaccount.RotationState;
import com.smsportal.gatewayaccount.account.StoredPasswords;
import com.smsportal.gatewayaccount.account.TestAccounts;
import com.smsportal.node.NodeIdentity;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import com.smsportal.user.Role;
import com.smsportal.user.UserService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The administrators' rotation of a gateway password, through the pages, against the simulator over
 * HTTP: every outcome of changespwd (confirmed, refused, answer lost after the change, no change
 * and no answer) and of the check that follows, down to what the simulator accepts, the stored row
 * and the audit log.
 *
 * <p>The properties make this class's context its own, so the simulator it talks to (a bean of that
 * context) is not shared with other test classes; it is reset before each test all the same. The
 * client gives up after 5 s, the simulator's HANG and LOST_ANSWER hold a request 6 s; a change
 * slowed down (LATENCY) takes 4 s, time enough on a busy machine to look at the account meanwhile.
 */
@DatabaseDependent(
    "a rotation under way holds the account's row lock; rotations a stopped node left")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "smsportal.gateway.read-timeout=5s",
      "smsportal.simulator.hang-for=6s",
      // After an unanswered change the old password must keep working this long before the new
      // one is dropped (5 minutes in production). The test moves the clock past it: long enough
      // that no slow machine reaches it in real time, short of the 5 minutes after which a
      // rotation left PENDING counts as stale.
      "smsportal.rotation.settle-after=PT1M",
      // This class calls the retry itself (the build also sets this for every test context).
      "smsportal.rotation.retry-every=PT24H"
    })
@AutoConfigureMockMvc
class PasswordRotationIntegrationTests {

  /** The context's clock, moved past settle-after instead of waiting it out. */
  @TestConfiguration
  static class Time {
    @Bean
    @Primary
    MutableClock rotationClock() {
      return MutableClock.running();
    }
  }

  /** Every password these tests used or generated: none may appear in the run's log. */
  private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

  @LocalServerPort int port;

  /** What the audit log tells an English reader of a change whose answer was lost. */
  private static final String UNANSWERED =
      "In doubt: no usable answer (The request was sent but no answer came from the gateway.);"
          + " either password may be valid";

  @Autowired MockMvc mvc;
  @Autowired AuditDetails auditDetails;
  @Autowired GatewayAccounts accounts;
  @Autowired GatewayEndpoints endpoints;
  @Autowired GatewayAccess access;
  @Autowired org.springframework.context.ApplicationContext context;
  @Autowired PasswordRotation rotation;
  @Autowired RotationRetry retry;
  @Autowired GatewayClient client;
  @Autowired TenantService tenants;
  @Autowired UserService users;
  @Autowired JdbcTemplate jdbc;
  @Autowired NodeIdentity node;
  @Autowired MutableClock clock;

  /** This test's own account at the simulator (balance 500), and its password there. */
  private SimulatorControl.OpenedAccount gw;

  private String simulatorPassword;

  private MockHttpSession admin;
  private long tenantId;
  private String tenantName;

  @BeforeEach
  void startOver() throws Exception {
    control("/reset", Map.of());
    gw = new SimulatorControl(port).open("rot", 500);
    simulatorPassword = gw.password();
    SECRETS.add(simulatorPassword);
    admin = Logins.as(mvc, "admin");
    tenantName = unique("Rotation");
    tenantId = tenants.create(tenantName).id();
  }

  @AfterEach
  void noFaultLeft() throws Exception {
    control("/faults", Map.of("account", gw.account(), "mode", "NONE"));
  }

  @AfterAll
  static void noPasswordOfTheseTestsWasLogged() throws Exception {
    Path log = Path.of(System.getProperty("smsportal.test-log", "target/test-logs/test-run.log"));
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    List<Integer> leaks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (SECRETS.stream().anyMatch(line::contains)) {
        leaks.add(i + 1);
      }
    }
    assertThat(leaks).as("lines of %s holding a password of the rotation tests", log).isEmpty();
  }

  @Test
  void aGeneratedPasswordReplacesTheOldOneAtTheGatewayAndIsNeverShown() throws Exception {
    long id = account(simulatorPassword);

    String page = rotate(id, "", "");

    assertThat(page).contains("密码已更换。新密码已加密保存，不会显示。").contains("上次更换密码：");
    String generated = storedPassword(id);
    SECRETS.add(generated);
    assertThat(generated).matches("[A-Za-z0-9]{16}").isNotEqualTo(simulatorPassword);
    assertThat(page).doesNotContain(generated);
    assertThat(client.overage(gateway(generated)).overage()).isEqualTo(500);
    assertThat(refusal(simulatorPassword)).isEqualTo(GatewayError.WRONG_CREDENTIALS);
    assertThat(view(id).rotationState()).isEqualTo(RotationState.NONE);
    assertThat(view(id).passwordRotatedAt()).isNotNull();
    assertThat(row(id).get("pending_password_ciphertext")).isNull();
    assertThat(audit(id))
        .containsExactly("SUCCESS Changed: the gateway confirmed the new password");
    assertNoPasswordStored(id, simulatorPassword, generated);
  }

  @Test
  void anAdministratorsOwnPasswordMustBeTypedTwiceAndBeLettersAndDigits() throws Exception {
    long id = account(simulatorPassword);
    String chosen = secret("Chosen");

    String mismatch = rotate(id, chosen, chosen + "x");
    assertThat(mismatch).contains("两次输入的新密码不一致，未更换密码。");
    // Next to the form it concerns, not at the top of the page.
    assertThat(mismatch.indexOf("id=\"rotation-flash\""))
        .isGreaterThan(mismatch.indexOf("id=\"rotation\""))
        .isLessThan(mismatch.indexOf("id=\"rotation-form\""));
    assertThat(rotate(id, "short1", "short1")).contains("新密码须为 8–32 位字母或数字，未更换密码。");
    assertThat(rotate(id, "with-dash-123", "with-dash-123")).contains("须为 8–32 位字母或数字");
    assertThat(storedPassword(id)).isEqualTo(simulatorPassword);
    assertThat(audit(id)).isEmpty();

    assertThat(rotate(id, chosen, chosen)).contains("密码已更换。");
    assertThat(storedPassword(id)).isEqualTo(chosen);
    assertThat(client.overage(gateway(chosen)).overage()).isEqualTo(500);
  }

  @Test
  void whenTheGatewaySaysNoTheNewPasswordIsDroppedAndItsWordsAreShownWithTheirMeaning()
      throws Exception {
    // The gateway refuses a change asked with a password it does not accept (Faild 用户名或密码错误).
    String outdated = secret("Outdated");
    long id = account(outdated);

    String page = rotate(id, "", "");

    assertThat(page)
        .contains("网关拒绝了更换密码，原密码继续有效。")
        .contains("网关答复：“用户名或密码错误”。")
        .contains("网关账号的用户名或密码错误，请检查网关账号设置。");
    assertThat(storedPassword(id)).isEqualTo(outdated);
    assertThat(view(id).rotationState()).isEqualTo(RotationState.NONE);
    assertThat(view(id).passwordRotatedAt()).isNull();
    assertThat(row(id).get("pending_password_ciphertext")).isNull();
    assertThat(client.overage(gateway(simulatorPassword)).overage())
        .as("the gateway's password did not change")
        .isEqualTo(500);
    assertThat(audit(id))
        .containsExactly(
            "FAILURE Refused by the gateway, password unchanged: The gateway refused this gateway"
                + " account's user name or password. 用户名或密码错误");
    assertNoPasswordStored(id, outdated, simulatorPassword);
  }

  @Test
  void aChangeWhoseAnswerIsLostIsCheckedAndTheNewPasswordKept() throws Exception {
    long id = account(simulatorPassword);
    String chosen = secret("Lost");
    fault("LOST_ANSWER", 1);

    String page = rotate(id, chosen, chosen);

    assertThat(page)
        .contains("网关收到了改密请求，但没有给出可确认的应答")
        .contains("核对结果：网关接受新密码，密码更换已完成。")
        .doesNotContain("id=\"rotation-state\"");
    assertThat(storedPassword(id)).isEqualTo(chosen);
    assertThat(refusal(simulatorPassword)).isEqualTo(GatewayError.WRONG_CREDENTIALS);
    assertThat(audit(id))
        .containsExactly(
            "FAILURE " + UNANSWERED,
            "SUCCESS Resolved: the gateway accepts the new password, now the current one");
    assertNoPasswordStored(id, simulatorPassword, chosen);
  }

  @Test
  void aChangeThatHangsKeepsBothPasswordsUntilTheOldOneHasWorkedLongEnough() throws Exception {
    long id = account(simulatorPassword);
    String chosen = secret("Hung");
    fault("HANG", 1);

    String page = rotate(id, chosen, chosen);

    // The old password works at once, but the change might still be applied late: keep both.
    assertThat(page).contains("网关目前仍接受原密码，但更换请求刚刚发出");
    assertThat(view(id).rotationState()).isEqualTo(RotationState.IN_DOUBT);
    assertThat(row(id).get("pending_password_ciphertext")).isNotNull();
    assertThat(
            unusable(
                TenantContext.callAs(
                    TenantContext.ALL_TENANTS, () -> access.call(id, AccountGateway::overage))))
        .contains(Unusable.ROTATING);

    clock.advance(Duration.ofSeconds(61));
    assertThat(resolve(id)).contains("核对结果：网关仍接受原密码，密码没有更换，新密码已作废。");
    assertThat(storedPassword(id)).isEqualTo(simulatorPassword);
    assertThat(refusal(chosen)).isEqualTo(GatewayError.WRONG_CREDENTIALS);
    assertThat(view(id).rotationState()).isEqualTo(RotationState.NONE);
    assertThat(row(id).get("pending_password_ciphertext")).isNull();
    assertThat(audit(id))
        .hasSize(3)
        .startsWith("FAILURE " + UNANSWERED)
        .endsWith(
            "SUCCESS Resolved: the gateway still accepts the old password; the new one is dropped");
    assertThat(audit(id).get(1)).startsWith("FAILURE Still in doubt: the old password works");
  }

  @Test
  void whileInDoubtTheAccountWaitsForEveryoneUntilAPasswordIsFoundToWork() throws Exception {
    long id = account(simulatorPassword);
    String customer = unique("rot-customer");
    users.create(customer, "a-good-password", Role.TENANT_ADMIN, tenantId);
    String chosen = secret("Doubt");
    // The change is made but its answer lost, and the two checks after it get no answer either.
    fault("LOST_ANSWER", 3);

    String page = rotate(id, chosen, chosen);

    assertThat(page).contains("暂时无法核对：网关没有给出可用的应答。");
    assertThat(view(id).rotationState()).isEqualTo(RotationState.IN_DOUBT);
    AccountCall<Balance> refused =
        TenantContext.callAs(tenantId, () -> access.call(id, AccountGateway::overage));
    assertThat(unusable(refused)).contains(Unusable.ROTATING);
    assertThat(view(id).rotationState()).isEqualTo(RotationState.IN_DOUBT);
    assertThat(refused.toString()).doesNotContain(chosen).doesNotContain(simulatorPassword);

    String customerPage = page(Logins.as(mvc, customer, "a-good-password"), "/accounts/" + id);
    assertThat(customerPage)
        .contains("此账户的网关密码更换结果不明")
        .contains("此账户的发送和状态报告、上行回复的轮询都会暂停")
        .doesNotContain("rotation-resolve")
        .doesNotContain("rotation-form");
    String adminPage = page(admin, "/accounts/" + id);
    assertThat(adminPage)
        .contains("id=\"rotation-resolve\"")
        .doesNotContain("id=\"rotation-form\"");
    assertThat(rotate(id, "", "")).contains("此账户的密码更换已在进行中或有待核对，本次未做任何操作。");

    // Meanwhile someone changes the password at the gateway behind the portal's back.
    String elsewhere = secret("Elsewhere");
    client.changePassword(gateway(chosen), elsewhere);
    assertThat(resolve(id)).contains("核对结果：网关既不接受原密码，也不接受新密码。");
    retry.resolveInDoubt();
    assertThat(view(id).rotationState()).isEqualTo(RotationState.IN_DOUBT);
    assertThat(
            unusable(
                TenantContext.callAs(tenantId, () -> access.call(id, AccountGateway::overage))))
        .contains(Unusable.ROTATING);

    // The provider sets it back to the portal's new password; the scheduled check finds it.
    client.changePassword(gateway(elsewhere), chosen);
    retry.resolveInDoubt();
    assertThat(view(id).rotationState()).isEqualTo(RotationState.NONE);
    assertThat(storedPassword(id)).isEqualTo(chosen);
    assertThat(resolve(id)).contains("此账户没有待核对的密码更换。");
    assertThat(audit(id))
        .containsExactly(
            "FAILURE " + UNANSWERED,
            "FAILURE Still in doubt: the gateway could not be asked (new password: no answer, old"
                + " password: no answer)",
            "FAILURE Still in doubt: the gateway accepts neither the old nor the new password",
            "FAILURE Still in doubt: the gateway accepts neither the old nor the new password",
            "SUCCESS Resolved: the gateway accepts the new password, now the current one");
    assertNoPasswordStored(id, simulatorPassword, chosen, elsewhere);
  }

  @Test
  void whileAChangeIsUnderWayTheAccountIsRefusedAndASecondRotationDoesNothing() throws Exception {
    long id = account(simulatorPassword);
    String first = secret("First");
    String second = secret("Second");
    control(
        "/faults",
        // Long enough for every check below to run while the change is under way on a loaded
        // machine (1.5 s was not, on a busy CI machine), and under the client's 5 s timeout.
        Map.of("account", gw.account(), "mode", "LATENCY", "latencyMillis", "4000", "times", "1"));

    CompletableFuture<RotationResult> running =
        CompletableFuture.supplyAsync(
            () ->
                TenantContext.callAs(
                    TenantContext.ALL_TENANTS, () -> rotation.rotate(id, first).orElseThrow()));
    try {
      assertRefusedWhileUnderWay(id, first, second);
      assertThat(running.get(30, TimeUnit.SECONDS).outcome()).isEqualTo(RotationOutcome.ROTATED);
    } finally {
      // Never let it finish during the next test, after that test reset the simulator.
      running.handle((result, error) -> null).get(30, TimeUnit.SECONDS);
    }
    assertThat(storedPassword(id)).isEqualTo(first);
    assertThat(refusal(second)).isEqualTo(GatewayError.WRONG_CREDENTIALS);
    assertThat(audit(id)).hasSize(1);
  }

  private void assertRefusedWhileUnderWay(long id, String first, String second) throws Exception {
    await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(10))
        .until(() -> view(id).rotationState() == RotationState.PENDING);

    assertThat(
            unusable(
                TenantContext.callAs(tenantId, () -> access.call(id, AccountGateway::overage))))
        .contains(Unusable.ROTATING);
    assertThat(page(admin, "/accounts/" + id)).contains("正在更换此账户的网关密码。");
    assertThat(rotate(id, second, second)).contains("此账户的密码更换已在进行中或有待核对，本次未做任何操作。");
    MockHttpServletResponse edit =
        mvc.perform(
                post("/accounts/" + id)
                    .session(admin)
                    .with(csrf())
                    .params(formOf(view(id), second)))
            .andReturn()
            .getResponse();
    assertThat(edit.getContentAsString()).contains("此账户正在更换密码或更换结果待核对，暂不能修改密码。");
  }

  @Test
  void aRotationThisNodeLeftUnderWayWhenItStoppedIsInDoubtAsItStartsAndAnotherNodesIsLeftAlone()
      throws Exception {
    long mine = account(simulatorPassword);
    // A gateway account is registered once in the whole portal: the other node's is another one.
    SimulatorControl.OpenedAccount other = new SimulatorControl(port).open("rot", 500);
    long theirs = account(other, other.password());
    // What a node killed during changespwd leaves behind: PENDING, its answer never recorded.
    String pending =
        "update gateway_account set rotation_state = 'PENDING', rotation_started_at = ?,"
            + " rotation_started_by = ? where id = ?";
    jdbc.update(pending, java.time.LocalDateTime.now(), node.id(), mine);
    jdbc.update(pending, java.time.LocalDateTime.now(), "another-node", theirs);
    try {
      retry.afterSingletonsInstantiated(); // what this node does as it starts

      assertThat(view(mine).rotationState()).isEqualTo(RotationState.IN_DOUBT);
      assertThat(audit(mine))
          .containsExactly("FAILURE In doubt: the portal stopped during the rotation");
      assertThat(view(theirs).rotationState()).as("a live node's").isEqualTo(RotationState.PENDING);
      assertThat(audit(theirs)).isEmpty();
    } finally {
      // No later test's retry may try to resolve these made-up rotations.
      jdbc.update(
          "update gateway_account set rotation_state = 'NONE', rotation_started_at = null,"
              + " rotation_started_by = null where id in (?, ?)",
          mine,
          theirs);
    }
  }

  @Test
  void onlyAdministratorsMayRotateOrResolveAndAnUnknownAccountIsNotFound() throws Exception {
    long id = account(simulatorPassword);
    Map<String, Object> before = row(id);
    for (MockHttpSession session :
        List.of(Logins.as(mvc, "support"), Logins.as(mvc, "acme"), Logins.as(mvc, "globex"))) {
      for (String action : List.of("rotate-password", "resolve-rotation")) {
        int status =
            mvc.perform(post("/admin/accounts/" + id + "/" + action).session(session).with(csrf()))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(status).as(action).isEqualTo(403);
      }
    }
    assertThat(page(Logins.as(mvc, "support"), "/accounts/" + id))
        .doesNotContain("rotation-form")
        .doesNotContain("/admin/accounts/");
    assertThat(row(id)).isEqualTo(before);
    assertThat(audit(id)).isEmpty();

    for (String action : List.of("rotate-password", "resolve-rotation")) {
      int status =
          mvc.perform(post("/admin/accounts/987654321/" + action).session(admin).with(csrf()))
              .andReturn()
              .getResponse()
              .getStatus();
      assertThat(status).as(action).isEqualTo(404);
    }
  }

  // ---- support

  private long account(String password) {
    return account(gw, password);
  }

  private long account(SimulatorControl.OpenedAccount at, String password) {
    long endpoint = TestEndpoints.of(endpoints, TestEndpoints.simulator(port));
    return TenantContext.callAs(
        TenantContext.ALL_TENANTS,
        () ->
            TestAccounts.verified(
                context,
                tenantId,
                unique("Rotated"),
                endpoint,
                at.userid(),
                at.account(),
                password));
  }

  /** Rotates as the administrator and returns the account page the redirect leads to. */
  private String rotate(long id, String newPassword, String repeat) throws Exception {
    MvcResult result =
        mvc.perform(
                post("/admin/accounts/" + id + "/rotate-password")
                    .session(admin)
                    .with(csrf())
                    .param("newPassword", newPassword)
                    .param("repeat", repeat))
            .andReturn();
    return followed(id, result);
  }

  private String resolve(long id) throws Exception {
    MvcResult result =
        mvc.perform(post("/admin/accounts/" + id + "/resolve-rotation").session(admin).with(csrf()))
            .andReturn();
    return followed(id, result);
  }

  private String followed(long id, MvcResult result) throws Exception {
    // Back at the account page, scrolled to the rotation card where its notice stands.
    assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/accounts/" + id + "#rotation");
    MockHttpServletResponse page =
        mvc.perform(get("/accounts/" + id).session(admin).flashAttrs(result.getFlashMap()))
            .andReturn()
            .getResponse();
    assertThat(page.getStatus()).isEqualTo(200);
    return page.getContentAsString();
  }

  private String page(MockHttpSession session, String path) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(get(path).session(session)).andReturn().getResponse();
    assertThat(response.getStatus()).as(path).isEqualTo(200);
    return response.getContentAsString();
  }

  private GatewayAccountView view(long id) {
    return TenantContext.callAs(TenantContext.ALL_TENANTS, () -> accounts.find(id)).orElseThrow();
  }

  private String storedPassword(long id) {
    return new StoredPasswords(context).of(id);
  }

  private GatewayLogin gateway(String password) {
    return new GatewayLogin(
        TestEndpoints.simulator(port), GatewayCharset.UTF8, gw.userid(), gw.account(), password);
  }

  /** What the simulator says to a balance query with this password. */
  private GatewayError refusal(String password) {
    GatewayException e =
        catchThrowableOfType(GatewayException.class, () -> client.overage(gateway(password)));
    assertThat(e).as("the gateway refuses the password").isNotNull();
    return e.error();
  }

  private Map<String, Object> row(long id) {
    return jdbc.queryForMap("select * from gateway_account where id = ?", id);
  }

  /** The account's rotation records, oldest first, as outcome and detail. */
  private List<String> audit(long id) {
    return jdbc
        .queryForList(
            "select * from audit_event where action = 'PASSWORD_ROTATION' and target like ?"
                + " order by id",
            AuditDetail.of("audit.target.account", id).encode() + "\u001F%")
        .stream()
        .peek(
            event -> {
              assertThat(((Number) event.get("tenant_id")).longValue()).isEqualTo(tenantId);
              assertThat(event.get("tenant_name")).isEqualTo(tenantName);
            })
        .map(
            event ->
                event.get("outcome")
                    + " "
                    + auditDetails.text((String) event.get("detail"), Locale.ENGLISH))
        .collect(Collectors.toList());
  }

  /** Neither the account's row nor any audit record holds one of the passwords in clear. */
  private void assertNoPasswordStored(long id, String... passwords) {
    List<Map<String, Object>> dump = new ArrayList<>();
    dump.add(row(id));
    dump.addAll(jdbc.queryForList("select * from audit_event"));
    for (Map<String, Object> row : dump) {
      for (Object value : row.values()) {
        for (String password : passwords) {
          assertThat(String.valueOf(value)).doesNotContain(password);
        }
      }
    }
  }

  private org.springframework.util.MultiValueMap<String, String> formOf(
      GatewayAccountView account, String password) {
    var form = new org.springframework.util.LinkedMultiValueMap<String, String>();
    form.add("name", account.name());
    form.add("endpointId", String.valueOf(account.endpointId()));
    form.add("charset", account.charset().name());
    form.add("userid", account.userid());
    form.add("account", account.account());
    form.add("password", password);
    form.add("passwordConfirmation", password);
    form.add("chunkSize", String.valueOf(account.chunkSize()));
    form.add("extnoSupported", "false");
    form.add("active", "true");
    form.add("lowBalanceThreshold", "");
    return form;
  }

  private void fault(String mode, int times) throws Exception {
    new SimulatorControl(port).fault(gw.account(), mode, times);
  }

  private void control(String path, Map<String, String> fields) throws Exception {
    new SimulatorControl(port).post(path, fields);
  }

  /** A password of letters and digits only, remembered for the log scan. */
  private static String secret(String prefix) {
    String secret = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    SECRETS.add(secret);
    return secret;
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
