package com.smsportal.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.smsportal.Logins;
import com.smsportal.PortalHttpClient;
import com.smsportal.PortalHttpTest;
import com.smsportal.TestEndpoints;
import com.smsportal.gateway.AnswerSink;
import com.smsportal.gateway.Balance;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gateway.GatewayClient;
import com.smsportal.gateway.GatewayError;
import com.smsportal.gateway.GatewayException;
import com.smsportal.gateway.GatewayLogin;
import com.smsportal.gateway.KeywordCheck;
import com.smsportal.gateway.Reply;
import com.smsportal.gateway.ReplyBatch;
import com.smsportal.gateway.SendRequest;
import com.smsportal.gateway.SendResult;
import com.smsportal.gateway.StatusReport;
import com.smsportal.gateway.StatusReportBatch;
import com.smsportal.gateway.TestGatewaySettings;
import com.smsportal.gatewayaccount.GatewayEndpoints;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Our client against our simulator, end to end over HTTP, with the demo's gateway accounts: all six
 * actions, fetch-once queues, balances, blocked words, password change and injected faults.
 */
@PortalHttpTest
class GatewaySimulatorIntegrationTests {

  @LocalServerPort int port;

  @Autowired GatewayClient client;
  @Autowired GatewayEndpoints endpoints;

  @Value("${smsportal.simulator.accounts[0].password}")
  String acmePassword;

  @Value("${smsportal.simulator.accounts[1].password}")
  String globexPassword;

  private final HttpClient http = HttpClient.newHttpClient();
  private PortalHttpClient admin;
  private GatewayLogin acme;
  private GatewayLogin globexGbk;

  @BeforeEach
  void startOver() throws Exception {
    admin = new PortalHttpClient(port).logIn("admin", Logins.DEMO_PASSWORD);
    control("/reset", Map.of());
    // This context's simulator, allowed as an endpoint: the demo's own endpoint follows whichever
    // test context started last.
    String baseUrl = TestEndpoints.simulator(port);
    TestEndpoints.of(endpoints, baseUrl);
    acme = new GatewayLogin(baseUrl, GatewayCharset.UTF8, "101", "acme", acmePassword);
    globexGbk = new GatewayLogin(baseUrl, GatewayCharset.GBK, "102", "globex", globexPassword);
  }

  /** The simulator is its context's, which other classes share: left as it was found. */
  @AfterEach
  void leaveTheSimulatorAsItWas() throws Exception {
    control("/reset", Map.of());
  }

  @Test
  void sendChargesEachNumberAndEveryReportIsHandedOutExactlyOnce() {
    long before = client.overage(acme).overage();

    SendResult sent =
        client.send(
            acme, SendRequest.now(List.of("13800000001", "13800000004", "13800000007"), "您好"));

    assertThat(sent.successCounts()).isEqualTo(3);
    assertThat(sent.remainPoint()).isEqualTo(before - 3);
    assertThat(client.overage(acme).overage()).isEqualTo(before - 3);
    List<StatusReport> reports = statusReports(acme, 4000).reports();
    assertThat(reports)
        .extracting(StatusReport::mobile, StatusReport::status, StatusReport::errorCode)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("13800000001", 10, "DELIVRD"),
            org.assertj.core.groups.Tuple.tuple("13800000004", 20, SimulatedGateway.FAILED_CODE),
            org.assertj.core.groups.Tuple.tuple("13800000007", 10, "DELIVRD"));
    assertThat(reports).allSatisfy(r -> assertThat(r.taskId()).isEqualTo(sent.taskId()));
    assertThat(reports).allSatisfy(r -> assertThat(r.receivedAt()).isNotNull());
    assertThat(statusReports(acme, 4000).reports()).as("fetched once").isEmpty();
  }

  @Test
  void statusNumLimitsHowManyReportsOneQueryTakes() {
    List<String> five =
        IntStream.range(0, 5).mapToObj(i -> "1390000000" + i).collect(Collectors.toList());
    client.send(acme, SendRequest.now(five, "hello"));

    assertThat(statusReports(acme, 2).reports()).hasSize(2);
    assertThat(statusReports(acme, 2).reports()).hasSize(2);
    assertThat(statusReports(acme, 2).reports()).hasSize(1);
    assertThat(statusReports(acme, 2).reports()).isEmpty();
  }

  @Test
  void aSendBecomesEachNewTaskIdAndLongTextCostsOnePointPerSegment() {
    SendResult first = client.send(acme, SendRequest.now(List.of("13800000001"), "短"));
    long before = client.overage(acme).overage();
    SendResult second = client.send(acme, SendRequest.now(List.of("13800000001"), "长".repeat(71)));

    assertThat(second.taskId()).isNotEqualTo(first.taskId());
    assertThat(client.overage(acme).overage()).isEqualTo(before - 2);
  }

  @Test
  void theGbkEndpointCarriesChineseBothWays() {
    long before = client.overage(globexGbk).overage();

    SendResult sent = client.send(globexGbk, SendRequest.now(List.of("13700000000"), "您好，欢迎光临本店"));
    KeywordCheck check = client.checkKeyword(globexGbk, "周末来赌博吧");
    GatewayException blocked =
        catchThrowableOfType(
            GatewayException.class,
            () -> client.send(globexGbk, SendRequest.now(List.of("13700000000"), "代开发票，赌博")));

    assertThat(sent.successCounts()).isEqualTo(1);
    assertThat(check.clean()).isFalse();
    assertThat(check.words()).containsExactly("赌博");
    assertThat(client.checkKeyword(globexGbk, "欢迎光临").clean()).isTrue();
    assertThat(blocked.error()).isEqualTo(GatewayError.BLOCKED_WORDS);
    assertThat(blocked.words()).containsExactlyInAnyOrder("赌博", "代开发票");
    assertThat(client.overage(globexGbk).overage()).isEqualTo(before - 1);
  }

  @Test
  void aSendLargerThanTheBalanceIsRefusedAndChargesNothing() {
    Balance before = client.overage(globexGbk);
    List<String> numbers =
        IntStream.range(0, (int) before.overage() + 1)
            .mapToObj(i -> String.format("136%08d", i))
            .toList();

    GatewayException refused =
        catchThrowableOfType(
            GatewayException.class, () -> client.send(globexGbk, SendRequest.now(numbers, "hi")));

    assertThat(refused.error()).isEqualTo(GatewayError.BALANCE_TOO_LOW);
    assertThat(refused.upstreamMessage()).isEqualTo(SimulatedGateway.BALANCE_TOO_LOW);
    assertThat(client.overage(globexGbk).overage()).isEqualTo(before.overage());
    assertThat(before.sendTotal()).isEqualTo(before.overage());
  }

  @Test
  void theSimulatorRefusesWhatTheVendorRefuses() {
    assertThat(sendFails(acme, List.of(), "hi")).isEqualTo(GatewayError.NO_NUMBERS);
    assertThat(sendFails(acme, List.of("13800000000"), " ")).isEqualTo(GatewayError.EMPTY_CONTENT);
    assertThat(sendFails(acme, List.of("13800000000"), "x'; drop table t --"))
        .isEqualTo(GatewayError.SQL_INJECTION_REFUSED);
    assertThat(sendFails(acme.withPassword("wrong"), List.of("13800000000"), "hi"))
        .isEqualTo(GatewayError.WRONG_CREDENTIALS);
    GatewayLogin anonymous =
        new GatewayLogin(acme.baseUrl(), GatewayCharset.UTF8, "101", "acme", "");
    assertThat(sendFails(anonymous, List.of("13800000000"), "hi"))
        .isEqualTo(GatewayError.EMPTY_CREDENTIALS);
    GatewayException reports =
        catchThrowableOfType(
            GatewayException.class, () -> statusReports(acme.withPassword("wrong"), 10));
    assertThat(reports.error()).isEqualTo(GatewayError.WRONG_CREDENTIALS);
    GatewayException replies =
        catchThrowableOfType(GatewayException.class, () -> replies(anonymous, false));
    assertThat(replies.error()).isEqualTo(GatewayError.EMPTY_CREDENTIALS);
  }

  @Test
  void aPhoneReplyIsHandedOutOnceWithTheTaskAndSubNumberOfTheSend() throws Exception {
    SendResult sent =
        client.send(acme, new SendRequest(List.of("13800000009"), "回复1退订", null, "01"));

    HttpResponse<String> queued =
        control(
            "/replies", Map.of("account", "acme", "mobile", "13800000009", "content", "我不需要 <谢谢>"));
    List<Reply> replies = replies(acme, false).replies();

    assertThat(queued.statusCode()).isEqualTo(201);
    assertThat(replies).hasSize(1);
    Reply reply = replies.get(0);
    assertThat(reply.mobile()).isEqualTo("13800000009");
    assertThat(reply.taskId()).isEqualTo(sent.taskId());
    assertThat(reply.content()).isEqualTo("我不需要 <谢谢>");
    assertThat(reply.extno()).as("system sub-number prepended").isEqualTo("6601");
    assertThat(replies(acme, false).replies()).as("fetched once").isEmpty();

    control("/replies", Map.of("account", "acme", "mobile", "13800000009", "content", "好"));
    assertThat(replies(acme, true).replies().get(0).extno()).isEqualTo("01");
  }

  @Test
  void theDemoReplyPageQueuesAReply() throws Exception {
    HttpResponse<String> page = admin.get("/simulator/replies?lang=en");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Make a phone reply").contains("id=\"reply-form\"");
    assertThat(page.body()).doesNotContain(acmePassword).doesNotContain(globexPassword);

    HttpResponse<String> posted =
        admin.submit(
            "/simulator/replies",
            "/simulator/replies",
            encoded(Map.of("account", "globex", "mobile", "13700000001", "content", "收到")));

    assertThat(posted.statusCode()).isEqualTo(302);
    assertThat(replies(globexGbk, true).replies())
        .extracting(Reply::mobile, Reply::content)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("13700000001", "收到"));
  }

  @Test
  void changePasswordMakesTheNewPasswordTheOnlyValidOne() {
    String rotated = "Rotated-" + acmePassword.length() + "-x";

    assertThat(client.changePassword(acme, rotated).message()).isEqualTo("密码修改成功");

    GatewayException old = catchThrowableOfType(GatewayException.class, () -> client.overage(acme));
    assertThat(old.error()).isEqualTo(GatewayError.WRONG_CREDENTIALS);
    assertThat(client.overage(acme.withPassword(rotated)).overage()).isPositive();
  }

  @Test
  void injectedServerErrorsAndGarbageAreUpstreamGarbage() throws Exception {
    control("/faults", Map.of("account", "acme", "mode", "HTTP_500", "times", "1"));
    GatewayException error =
        catchThrowableOfType(GatewayException.class, () -> client.overage(acme));
    control("/faults", Map.of("account", "acme", "mode", "GARBAGE", "times", "1"));
    GatewayException garbage =
        catchThrowableOfType(GatewayException.class, () -> client.overage(acme));

    assertThat(error.error()).isEqualTo(GatewayError.UPSTREAM_GARBAGE);
    assertThat(error.httpStatus()).isEqualTo(500);
    assertThat(garbage.error()).isEqualTo(GatewayError.UPSTREAM_GARBAGE);
    assertThat(garbage.httpStatus()).isEqualTo(200);
    assertThat(client.overage(acme).overage()).as("faults used up").isPositive();
  }

  @Test
  void aSendWhoseAnswerIsLostAfterItWentOutIsOutcomeUnknownAndWasCharged() throws Exception {
    GatewayClient impatient = impatientClient();
    long before = client.overage(acme).overage();
    control(
        "/faults",
        Map.of("account", "acme", "mode", "LOST_ANSWER", "times", "1", "hangMillis", "3000"));

    GatewayException lost =
        catchThrowableOfType(
            GatewayException.class,
            () -> impatient.send(acme, SendRequest.now(List.of("13800000001"), "hi")));

    assertThat(lost.error()).isEqualTo(GatewayError.OUTCOME_UNKNOWN);
    assertThat(client.overage(acme).overage()).as("the send did happen").isEqualTo(before - 1);
  }

  @Test
  void aSendThatHangsIsOutcomeUnknownAndWasNotCharged() throws Exception {
    GatewayClient impatient = impatientClient();
    long before = client.overage(acme).overage();
    control(
        "/faults", Map.of("account", "acme", "mode", "HANG", "times", "1", "hangMillis", "3000"));

    GatewayException hung =
        catchThrowableOfType(
            GatewayException.class,
            () -> impatient.send(acme, SendRequest.now(List.of("13800000001"), "hi")));

    assertThat(hung.error()).isEqualTo(GatewayError.OUTCOME_UNKNOWN);
    assertThat(client.overage(acme).overage()).isEqualTo(before);
  }

  @Test
  void addedLatencyStillAnswers() throws Exception {
    control("/faults", Map.of("account", "acme", "mode", "LATENCY", "latencyMillis", "300"));
    long started = System.nanoTime();

    Balance balance = client.overage(acme);

    assertThat(balance.overage()).isPositive();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(300));
    control("/faults", Map.of("account", "acme", "mode", "NONE"));
  }

  @Test
  void theControlApiShowsAccountsWithoutPasswords() throws Exception {
    HttpResponse<String> accounts = admin.getJson("/simulator/control/accounts");

    assertThat(accounts.statusCode()).isEqualTo(200);
    assertThat(accounts.body()).contains("\"acme\"").contains("\"globex\"");
    assertThat(accounts.body()).doesNotContain(acmePassword).doesNotContain(globexPassword);
    assertThat(
            control("/replies", Map.of("account", "nobody", "mobile", "1", "content", "x"))
                .statusCode())
        .isEqualTo(400);
  }

  // ---- who may use the simulator (issue 20, item 10)

  @Test
  void anAnonymousVisitorOfTheSimulatorsPagesGoesToTheLoginPage() throws Exception {
    for (String path : List.of("/simulator/replies", "/simulator/control/accounts")) {
      HttpResponse<String> page =
          http.send(
              HttpRequest.newBuilder(URI.create(base() + path)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).as(path).isEqualTo(302);
      assertThat(page.headers().firstValue("Location").orElse("")).as(path).endsWith("/login");
      assertThat(page.body()).as(path).doesNotContain("13800000001").doesNotContain("acme");
    }
  }

  @Test
  void aCrossSitePostCannotMakeAPhoneReplyOrOptANumberOut() throws Exception {
    client.send(acme, SendRequest.now(List.of("13800000009"), "您好"));
    Map<String, String> optOut =
        Map.of("account", "acme", "mobile", "13800000009", "content", "退订");

    // Without a session (another site's form, in a browser not signed in to the portal).
    assertThat(anonymousPost("/simulator/replies", optOut).statusCode()).isEqualTo(403);
    assertThat(anonymousPost("/simulator/control/replies", optOut).statusCode()).isEqualTo(403);
    // With the administrator's session but without the page's token: a cross-site post.
    HttpResponse<String> noToken =
        admin.postWithoutToken("/simulator/control/replies", encoded(optOut));
    assertThat(noToken.statusCode()).isEqualTo(403);
    HttpResponse<String> pageNoToken =
        admin.postWithoutToken("/simulator/replies", encoded(optOut));
    assertThat(pageNoToken.statusCode()).isEqualTo(403);

    assertThat(replies(acme, false).replies()).as("no reply was queued").isEmpty();
    // The same reply with the token is queued: the refusals above were the token's.
    assertThat(control("/replies", optOut).statusCode()).isEqualTo(201);
    assertThat(replies(acme, false).replies()).hasSize(1);
  }

  @Test
  void aCustomerIsRefusedTheSimulatorsPagesAndControl() throws Exception {
    PortalHttpClient customer = new PortalHttpClient(port).logIn("acme", Logins.DEMO_PASSWORD);

    assertThat(customer.get("/simulator/replies").statusCode()).isEqualTo(403);
    assertThat(customer.getJson("/simulator/control/accounts").statusCode()).isEqualTo(403);
    HttpResponse<String> posted =
        customer.submit(
            "/",
            "/simulator/control/balance",
            encoded(Map.of("account", "globex", "balance", "0")));
    assertThat(posted.statusCode()).isEqualTo(403);
    assertThat(client.overage(globexGbk).overage()).as("globex's balance untouched").isPositive();
  }

  @Test
  void theGatewayPathsStillAnswerAGatewayClientWithoutALoginAndCheckItsPassword() throws Exception {
    Map<String, String> overage =
        Map.of("action", "overage", "userid", "101", "account", "acme", "password", acmePassword);
    HttpResponse<String> answered = anonymousPost("/simulator/sms.aspx", overage);
    assertThat(answered.statusCode()).isEqualTo(200);
    assertThat(answered.body()).contains("<returnstatus>Sucess</returnstatus>");

    Map<String, String> wrong = new java.util.HashMap<>(overage);
    wrong.put("password", "not-" + acmePassword);
    HttpResponse<String> refused = anonymousPost("/simulator/sms.aspx", wrong);
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("<returnstatus>Faild</returnstatus>");
  }

  // ---- helpers

  private GatewayError sendFails(GatewayLogin account, List<String> mobiles, String content) {
    GatewayException refused =
        catchThrowableOfType(
            GatewayException.class, () -> client.send(account, SendRequest.now(mobiles, content)));
    assertThat(refused).isNotNull();
    return refused.error();
  }

  /** The status reports queue as the poller reads it: fetched as text, then read. */
  private StatusReportBatch statusReports(GatewayLogin account, int statusNum) {
    return GatewayClient.readStatusReports(
        client.fetchStatusReports(account, statusNum, AnswerSink.NONE));
  }

  /** The replies queue as the poller reads it: fetched as text, then read. */
  private ReplyBatch replies(GatewayLogin account, boolean ownExt) {
    return GatewayClient.readReplies(client.fetchReplies(account, ownExt, AnswerSink.NONE));
  }

  private static GatewayClient impatientClient() {
    return new GatewayClient(
        TestGatewaySettings.withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(800)),
        url -> true);
  }

  private String base() {
    return "http://localhost:" + port;
  }

  /** The simulator's control, as the signed-in administrator posts it (with a CSRF token). */
  private HttpResponse<String> control(String path, Map<String, String> fields) throws Exception {
    return admin.submit("/simulator/replies", "/simulator/control" + path, encoded(fields));
  }

  /** A post without any session or token: another site's form, or a script on the network. */
  private HttpResponse<String> anonymousPost(String path, Map<String, String> fields)
      throws IOException, InterruptedException {
    return http.send(form(base() + path, fields), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest form(String url, Map<String, String> fields) {
    return HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(encoded(fields)))
        .build();
  }

  private static String encoded(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
