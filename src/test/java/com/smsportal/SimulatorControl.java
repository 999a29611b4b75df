package com.smsportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Drives the simulator's control endpoints of a running portal: faults, replies, balances,
 * accounts. They are an administrator's (issue 20): this signs in as {@code admin} once per portal,
 * through the login form and its second step, and posts with the CSRF token of the simulator's
 * page, as an administrator's browser would. A session that has ended meanwhile is replaced by a
 * new sign-in.
 */
public final class SimulatorControl {

  /** The page whose form gives the CSRF token for the control's posts. */
  private static final String TOKEN_PAGE = "/simulator/replies";

  private static final Map<Integer, PortalHttpClient> ADMINS = new ConcurrentHashMap<>();

  private final int port;

  public SimulatorControl(int port) {
    this.port = port;
  }

  /** Posts the form to {@code /simulator/control<path>} and expects 200. */
  public void post(String path, Map<String, String> fields) throws Exception {
    post(path, fields, 200);
  }

  /** A phone replies to the account's latest send to that number (the reply is queued: 201). */
  public void reply(String account, String mobile, String content) throws Exception {
    post("/replies", Map.of("account", account, "mobile", mobile, "content", content), 201);
  }

  /** {@code GET /simulator/control/accounts}: every simulator account, its recent tasks (JSON). */
  public String accounts() throws Exception {
    HttpResponse<String> response = admin().getJson("/simulator/control/accounts");
    if (response.statusCode() != 200) {
      response = signInAgain().getJson("/simulator/control/accounts");
    }
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  /**
   * The status reports the simulator still holds for this account: made, not yet handed out in an
   * answer.
   */
  public int pendingReports(String account) throws Exception {
    for (JsonNode each : new ObjectMapper().readTree(accounts())) {
      if (each.get("account").asString().equals(account)) {
        return each.get("pendingReports").asInt();
      }
    }
    throw new IllegalArgumentException("no simulator account " + account);
  }

  private void post(String path, Map<String, String> fields, int expected) throws Exception {
    String body =
        fields.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    String action = "/simulator/control" + path;
    HttpResponse<String> response;
    try {
      response = admin().submit(TOKEN_PAGE, action, body);
    } catch (AssertionError sessionEnded) {
      response = null; // the page came without a token: the login page
    }
    if (response == null || response.statusCode() == 302 || response.statusCode() == 403) {
      response = signInAgain().submit(TOKEN_PAGE, action, body);
    }
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
  }

  private PortalHttpClient admin() {
    return ADMINS.computeIfAbsent(port, SimulatorControl::signIn);
  }

  /** Another test may have ended the administrator's sessions (a reset, a password change). */
  private PortalHttpClient signInAgain() {
    PortalHttpClient fresh = signIn(port);
    ADMINS.put(port, fresh);
    return fresh;
  }

  private static PortalHttpClient signIn(int port) {
    try {
      return new PortalHttpClient(port).logIn("admin", Logins.DEMO_PASSWORD);
    } catch (Exception e) {
      throw new IllegalStateException("the administrator could not sign in on port " + port, e);
    }
  }

  /** A gateway account of its own for one test: what {@link #open} made. */
  public record OpenedAccount(String userid, String account, String password) {}

  private static final java.util.concurrent.atomic.AtomicLong OPENED =
      new java.util.concurrent.atomic.AtomicLong(System.nanoTime() % 1_000_000);

  /**
   * Opens a new account at this portal's simulator with this balance: a gateway account no other
   * test (nor tenant) uses, so each can be registered once in the portal as the real ones are.
   */
  public OpenedAccount open(String prefix, long balance) throws Exception {
    long n = OPENED.incrementAndGet();
    OpenedAccount opened =
        new OpenedAccount(String.valueOf(700_000 + n), prefix + "-" + n, "Pw" + n + "-test");
    post(
        "/accounts",
        Map.of(
            "userid", opened.userid(),
            "account", opened.account(),
            "password", opened.password(),
            "balance", String.valueOf(balance)),
        201);
    return opened;
  }

  /** The account's next {@code times} calls meet the fault ({@code NONE} clears it). */
  public void fault(String account, String mode, int times) throws Exception {
    post("/faults", Map.of("account", account, "mode", mode, "times", String.valueOf(times)));
  }

  /** Sets the simulator account's balance, as a recharge or a spend outside the portal would. */
  public void balance(String account, long balance) throws Exception {
    post("/balance", Map.of("account", account, "balance", String.valueOf(balance)));
  }
}
