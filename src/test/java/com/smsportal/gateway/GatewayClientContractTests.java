package com.smsportal.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The client against the vendor's documented answers, replayed by WireMock: the exact form body of
 * each action in both charsets, and what every documented answer and error decodes to.
 */
class GatewayClientContractTests {

  /** These tests are about the wire, not about which addresses are allowed. */
  static final EndpointGuard ANY_ENDPOINT = url -> true;

  @RegisterExtension
  static WireMockExtension wiremock =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final Charset GBK = Charset.forName("GBK");

  private GatewayClient client;
  private GatewayLogin utf8;
  private GatewayLogin gbk;

  /**
   * The first request of a JVM pays for loading the HTTP client and WireMock's server paths; on a
   * busy machine that alone can pass the read timeout of whichever test comes first.
   */
  @BeforeAll
  static void warmUp() throws Exception {
    java.net.http.HttpClient.newHttpClient()
        .send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(wiremock.baseUrl() + "/__admin/mappings"))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.discarding());
  }

  @BeforeEach
  void setUp() {
    client =
        new GatewayClient(
            TestGatewaySettings.withTimeoutsAndBreaker(
                Duration.ofSeconds(1), Duration.ofMillis(1500), 3, Duration.ofMinutes(5)),
            ANY_ENDPOINT);
    utf8 = new GatewayLogin(wiremock.baseUrl(), GatewayCharset.UTF8, "12", "acme", "s3cret+pw");
    gbk = new GatewayLogin(wiremock.baseUrl(), GatewayCharset.GBK, "12", "acme", "s3cret+pw");
  }

  // ---- send

  @Test
  void sendPostsTheVendorsFormInUtf8AndReadsTheAcceptedAnswer() {
    answer(
        "/sms.aspx",
        """
        <?xml version="1.0" encoding="utf-8" ?>
        <returnsms>
         <returnstatus>Success</returnstatus>
         <message>ok</message>
         <remainpoint>1234</remainpoint>
         <taskID>1504</taskID>
         <successCounts>2</successCounts>
        </returnsms>
        """);

    SendResult result =
        client.send(
            utf8,
            new SendRequest(
                List.of("15023239810", "13527576163"),
                "内容 & more",
                LocalDateTime.of(2010, 10, 24, 9, 8, 10),
                "01"));

    assertThat(result.taskId()).isEqualTo("1504");
    assertThat(result.successCounts()).isEqualTo(2);
    assertThat(result.remainPoint()).isEqualTo(1234);
    assertThat(result.message()).isEqualTo("ok");
    assertThat(sentBody("/sms.aspx"))
        .isEqualTo(
            ascii(
                "action=send&userid=12&account=acme&password=s3cret%2Bpw"
                    + "&mobile=15023239810%2C13527576163&content=%E5%86%85%E5%AE%B9+%26+more"
                    + "&sendTime=2010-10-24+09%3A08%3A10&extno=01"));
    assertThat(contentType("/sms.aspx"))
        .isEqualTo("application/x-www-form-urlencoded; charset=UTF-8");
  }

  @Test
  void sendOnTheGbkEndpointPercentEncodesGbkBytesAndReadsAGb2312Answer() {
    answer(
        "/smsGBK.aspx",
        "<?xml version=\"1.0\" encoding=\"gb2312\" ?>\n<returnsms><returnstatus>Success</returnstatus>"
            + "<message>ok</message><remainpoint>99</remainpoint><taskID>0017</taskID>"
            + "<successCounts>1</successCounts></returnsms>",
        GBK,
        "text/xml");

    SendResult result = client.send(gbk, SendRequest.now(List.of("15023239810"), "内容"));

    // 内 is C4 DA and 容 is C8 DD in GBK.
    assertThat(sentBody("/smsGBK.aspx"))
        .isEqualTo(
            ascii(
                "action=send&userid=12&account=acme&password=s3cret%2Bpw"
                    + "&mobile=15023239810&content=%C4%DA%C8%DD&sendTime=&extno="));
    assertThat(contentType("/smsGBK.aspx"))
        .isEqualTo("application/x-www-form-urlencoded; charset=GBK");
    assertThat(result.taskId()).as("leading zeros kept").isEqualTo("0017");
  }

  @ParameterizedTest
  @CsvSource({
    "用户名或密码不能为空, EMPTY_CREDENTIALS",
    "发送内容包含sql注入字符, SQL_INJECTION_REFUSED",
    "用户名或密码错误, WRONG_CREDENTIALS",
    "短信号码不能为空, NO_NUMBERS",
    "短信内容不能为空, EMPTY_CONTENT",
    "对不起，您当前要发送的量大于您当前余额, BALANCE_TOO_LOW",
    "其他错误, OTHER_UPSTREAM_ERROR"
  })
  void sendFailuresBecomeTheirDomainErrorWithTheGatewaysMessage(
      String message, GatewayError error) {
    answer("/sms.aspx", failedSend("Faild", message));

    GatewayException refused = sendFails(utf8);

    assertThat(refused.error()).isEqualTo(error);
    assertThat(refused.upstreamMessage()).isEqualTo(message);
  }

  @Test
  void sendRefusedForBlockedWordsNamesTheWords() {
    answer("/sms.aspx", failedSend("faild", "包含非法字符:赌博,代开发票"));

    GatewayException refused = sendFails(utf8);

    assertThat(refused.error()).isEqualTo(GatewayError.BLOCKED_WORDS);
    assertThat(refused.words()).containsExactly("赌博", "代开发票");
  }

  @Test
  void sendWithoutAReturnStatusIsAFailureShowingTheMessage() {
    answer("/sms.aspx", "<returnsms><message>其他错误</message></returnsms>");

    assertThat(sendFails(utf8).error()).isEqualTo(GatewayError.OTHER_UPSTREAM_ERROR);
  }

  @Test
  void gbkContentTheEndpointCannotCarryIsRefusedBeforeSendingNamingTheCharacters() {
    GatewayException refused =
        catchThrowableOfType(
            GatewayException.class,
            () -> client.send(gbk, SendRequest.now(List.of("1"), "好😀 ok ☃")));

    assertThat(refused.error()).isEqualTo(GatewayError.NOT_ENCODABLE);
    assertThat(refused.words()).containsExactly("😀", "☃");
    assertThat(wiremock.getAllServeEvents()).isEmpty();
  }

  // ---- overage

  @Test
  void overageAcceptsTheVendorsSucessSpelling() {
    answer(
        "/sms.aspx",
        """
        <returnsms>
         <returnstatus>Sucess</returnstatus>
         <message></message>
         <payinfo>预付费</payinfo>
         <overage>1000</overage>
         <sendTotal>5000</sendTotal>
        </returnsms>
        """);

    Balance balance = client.overage(utf8);

    assertThat(balance.overage()).isEqualTo(1000);
    assertThat(balance.sendTotal()).isEqualTo(5000);
    assertThat(balance.prepaid()).isTrue();
    assertThat(sentBody("/sms.aspx"))
        .isEqualTo(ascii("action=overage&userid=12&account=acme&password=s3cret%2Bpw"));
  }

  @Test
  void overageOnTheGbkEndpointReadsGbkText() {
    answer(
        "/smsGBK.aspx",
        "<?xml version=\"1.0\" encoding=\"gb2312\"?><returnsms><returnstatus>SUCESS</returnstatus>"
            + "<payinfo>后付费</payinfo><overage>7</overage><sendTotal>0</sendTotal></returnsms>",
        GBK,
        "text/xml");

    Balance balance = client.overage(gbk);

    assertThat(balance.payInfo()).isEqualTo("后付费");
    assertThat(balance.prepaid()).isFalse();
    assertThat(sentBody("/smsGBK.aspx"))
        .isEqualTo(ascii("action=overage&userid=12&account=acme&password=s3cret%2Bpw"));
  }

  @Test
  void overageWithWrongCredentialsIsWrongCredentials() {
    answer(
        "/sms.aspx",
        "<returnsms><returnstatus>Faild</returnstatus><message>用户名或密码错误</message>"
            + "<payinfo></payinfo><overage></overage><sendTotal></sendTotal></returnsms>");

    GatewayException refused =
        catchThrowableOfType(GatewayException.class, () -> client.overage(utf8));

    assertThat(refused.error()).isEqualTo(GatewayError.WRONG_CREDENTIALS);
    assertThat(refused.upstreamMessage()).isEqualTo("用户名或密码错误");
  }

  // ---- checkkeyword

  @Test
  void checkKeywordReportsCleanContent() {
    answer(
        "/sms.aspx",
        "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n<returnsms>\n  <message>没有包含屏蔽词</message>\n"
            + "</returnsms>");

    KeywordCheck check = client.checkKeyword(utf8, "你好");

    assertThat(check.clean()).isTrue();
    assertThat(sentBody("/sms.aspx"))
        .isEqualTo(
            ascii(
                "action=checkkeyword&userid=12&account=acme&password=s3cret%2Bpw"
                    + "&content=%E4%BD%A0%E5%A5%BD"));
  }

  @Test
  void checkKeywordOnGbkNamesTheBlockedWords() {
    answer(
        "/smsGBK.aspx",
        "<?xml version=\"1.0\" encoding=\"gb2312\" ?><returnsms><message>包含非法字符：赌博</message>"
            + "</returnsms>",
        GBK,
        "text/xml; charset=gb2312");

    KeywordCheck check = client.checkKeyword(gbk, "来赌博");

    assertThat(check.clean()).isFalse();
    assertThat(check.words()).containsExactly("赌博");
    assertThat(sentBody("/smsGBK.aspx"))
        .isEqualTo(
            ascii(
                "action=checkkeyword&userid=12&account=acme&password=s3cret%2Bpw"
                    + "&content=%C0%B4%B6%C4%B2%A9"));
  }

  @Test
  void checkKeywordWithoutWordsNamedIsStillNotClean() {
    answer("/sms.aspx", "<returnsms><message>包含非法字符</message></returnsms>");

    KeywordCheck check = client.checkKeyword(utf8, "x");

    assertThat(check.clean()).isFalse();
    assertThat(check.words()).isEmpty();
  }

  @Test
  void checkKeywordWithEmptyCredentialsIsEmptyCredentials() {
    answer("/sms.aspx", "<returnsms><message>用户名或密码不能为空</message></returnsms>");

    GatewayException refused =
        catchThrowableOfType(GatewayException.class, () -> client.checkKeyword(utf8, "x"));

    assertThat(refused.error()).isEqualTo(GatewayError.EMPTY_CREDENTIALS);
  }

  // ---- statusApi

  @Test
  void statusReportsReadsEveryStatusboxInChinaTime() {
    answer(
        "/statusApi.aspx",
        """
        <?xml version="1.0" encoding="utf-8" ?>
        <returnsms>
        <statusbox>
        <mobile>15023239810</mobile>
        <taskid>1212</taskid>
        <status>10</status>
        <receivetime>2011-12-02 22:12:11</receivetime>
        <errorcode>DELIVRD</errorcode>
        <extno>01</extno>
        </statusbox>
        <statusbox>
        <mobile>15023239811</mobile>
        <taskid>01212</taskid>
        <status>20</status>
        <receivetime>2011/12/02 22:12:11</receivetime>
        <errorcode>2</errorcode>
        <extno></extno>
        <unknown>tolerated</unknown>
        </statusbox>
        <somethingNew/>
        </returnsms>
        """);

    StatusReportBatch answer = statusReports(utf8, 500);

    assertThat(answer.reports()).hasSize(2);
    StatusReport delivered = answer.reports().get(0);
    assertThat(delivered.delivered()).isTrue();
    assertThat(delivered.mobile()).isEqualTo("15023239810");
    assertThat(delivered.taskId()).isEqualTo("1212");
    assertThat(delivered.receivedAt()).isEqualTo(Instant.parse("2011-12-02T14:12:11Z"));
    assertThat(delivered.errorCode()).isEqualTo("DELIVRD");
    assertThat(delivered.extno()).isEqualTo("01");
    StatusReport failed = answer.reports().get(1);
    assertThat(failed.status()).isEqualTo(StatusReport.FAILED);
    assertThat(failed.delivered()).isFalse();
    assertThat(failed.taskId()).isEqualTo("01212");
    assertThat(failed.receivedAt()).isEqualTo(Instant.parse("2011-12-02T14:12:11Z"));
    assertThat(answer.rawAnswer()).contains("<statusbox>");
    assertThat(sentBody("/statusApi.aspx"))
        .isEqualTo(ascii("action=query&userid=12&account=acme&password=s3cret%2Bpw&statusNum=500"));
  }

  @Test
  void statusReportsOfAGbkAccountStillUseTheUtf8Endpoint() {
    answer("/statusApi.aspx", "<returnsms/>");

    assertThat(statusReports(gbk, 4000).reports()).isEmpty();
    assertThat(sentBody("/statusApi.aspx"))
        .isEqualTo(
            ascii("action=query&userid=12&account=acme&password=s3cret%2Bpw&statusNum=4000"));
  }

  @Test
  void anEmptyReturnsmsMeansNothingNew() {
    answer(
        "/statusApi.aspx",
        "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n<returnsms>\n</returnsms>");

    assertThat(statusReports(utf8, 10).reports()).isEmpty();
  }

  @Test
  void theFetchOnceQueuesCanBeFetchedAsTextAndReadAfterwards() {
    String reports =
        "<returnsms><statusbox><mobile>15023239810</mobile><taskid>1212</taskid>"
            + "<status>20</status><receivetime>2011-12-02 22:12:11</receivetime>"
            + "<errorcode>UNDELIV</errorcode><extno>01</extno></statusbox></returnsms>";
    answer("/statusApi.aspx", reports);

    String fetched = client.fetchStatusReports(utf8, 4000, AnswerSink.NONE);

    assertThat(fetched).isEqualTo(reports);
    wiremock.verify(
        postRequestedFor(urlEqualTo("/statusApi.aspx"))
            .withRequestBody(containing("action=query"))
            .withRequestBody(containing("statusNum=4000")));
    StatusReport report = GatewayClient.readStatusReports(fetched).reports().get(0);
    assertThat(report.status()).isEqualTo(StatusReport.FAILED);
    assertThat(report.errorCode()).isEqualTo("UNDELIV");

    String replies =
        "<returnsms><callbox><mobile>15023239810</mobile><taskid>1212</taskid>"
            + "<content>退订</content><receivetime>2011-12-02 22:12:11</receivetime>"
            + "<extno>01</extno></callbox></returnsms>";
    answer("/callApi.aspx", replies);
    assertThat(
            GatewayClient.readReplies(client.fetchReplies(utf8, false, AnswerSink.NONE)).replies())
        .extracting(Reply::content)
        .containsExactly("退订");
  }

  @Test
  void aFetchedAnswerThatIsNotXmlIsStillHandedOverAndOnlyReadingRefusesIt() {
    answer("/statusApi.aspx", "<html><body>maintenance</body></html>");

    String fetched = client.fetchStatusReports(utf8, 10, AnswerSink.NONE);

    assertThat(fetched).isEqualTo("<html><body>maintenance</body></html>");
    GatewayException unreadable =
        catchThrowableOfType(
            GatewayException.class, () -> GatewayClient.readStatusReports(fetched));
    assertThat(unreadable.error()).isEqualTo(GatewayError.UPSTREAM_GARBAGE);
    assertThat(unreadable.rawAnswer()).isEqualTo(fetched);

    wiremock.stubFor(
        post(urlEqualTo("/callApi.aspx")).willReturn(aResponse().withStatus(500).withBody("oops")));
    GatewayException failed =
        catchThrowableOfType(
            GatewayException.class, () -> client.fetchReplies(utf8, false, AnswerSink.NONE));
    assertThat(failed.error()).isEqualTo(GatewayError.UPSTREAM_GARBAGE);
    assertThat(failed.httpStatus()).isEqualTo(500);
  }

  @ParameterizedTest
  @CsvSource({
    "1, 用户名或密码不能为空, EMPTY_CREDENTIALS",
    "2, 用户名或密码错误, WRONG_CREDENTIALS",
    "3, 该用户不允许查看状态报告, REPORTS_NOT_ALLOWED",
    "4, 参数不正确, BAD_PARAMETERS",
    "9, 未知, OTHER_UPSTREAM_ERROR"
  })
  void errorstatusOnBothQueryEndpointsBecomesItsDomainError(
      String code, String remark, GatewayError error) {
    String body =
        "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n<returnsms>\n<errorstatus>\n<error>"
            + code
            + "</error>\n<remark>"
            + remark
            + "</remark>\n</errorstatus>\n</returnsms>";
    answer("/statusApi.aspx", body);
    answer("/callApi.aspx", body);

    GatewayException reports =
        catchThrowableOfType(GatewayException.class, () -> statusReports(utf8, 1));
    GatewayException replies =
        catchThrowableOfType(GatewayException.class, () -> replies(utf8, false));

    assertThat(reports.error()).isEqualTo(error);
    assertThat(reports.upstreamMessage()).isEqualTo(remark);
    assertThat(replies.error()).isEqualTo(error);
  }

  // ---- callApi

  @Test
  void repliesReadsEveryCallbox() {
    answer(
        "/callApi.aspx",
        """
        <?xml version="1.0" encoding="utf-8" ?>
        <returnsms>
          <callbox>
            <mobile>15023239810</mobile>
            <taskid>1212</taskid>
            <content>你好，我不需要</content>
            <receivetime>2011-12-02 22:12:11</receivetime>
            <extno>01</extno>
          </callbox>
          <callbox>
            <mobile>15023239811</mobile>
            <taskid>1212</taskid>
            <content>你好，本次活动路线是怎么的</content>
            <receivetime>2011-12-02 22:12:11</receivetime>
            <extno>01</extno>
          </callbox>
        </returnsms>
        """);

    ReplyBatch answer = replies(utf8, true);

    assertThat(answer.replies())
        .extracting(Reply::mobile, Reply::content)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("15023239810", "你好，我不需要"),
            org.assertj.core.groups.Tuple.tuple("15023239811", "你好，本次活动路线是怎么的"));
    assertThat(answer.replies().get(0).receivedAt())
        .isEqualTo(Instant.parse("2011-12-02T14:12:11Z"));
    assertThat(sentBody("/callApi.aspx"))
        .isEqualTo(ascii("action=query&userid=12&account=acme&password=s3cret%2Bpw&ownExt=1"));
  }

  // ---- changespwd

  @Test
  void changePasswordToleratesTheMalformedCheckCountsElement() {
    answer(
        "/sms.aspx",
        """
        <?xml version="1.0" encoding="utf-8" ?>
        <returnsms>
            <returnstatus>Success</returnstatus>
            <message>密码修改成功</message>
            < checkCounts ></ checkCounts >
        </returnsms>
        """);

    PasswordChange change = client.changePassword(utf8, "N3w&pw");

    assertThat(change.message()).isEqualTo("密码修改成功");
    assertThat(sentBody("/sms.aspx"))
        .isEqualTo(
            ascii(
                "action=changespwd&userid=12&account=acme&password=s3cret%2Bpw"
                    + "&newpwd=N3w%26pw&renewpwd=N3w%26pw"));
  }

  @Test
  void changePasswordOnGbkSendsTheSameFieldsToTheGbkEndpoint() {
    answer(
        "/smsGBK.aspx",
        "<?xml version=\"1.0\" encoding=\"gb2312\" ?><returnsms><returnstatus>Faild</returnstatus>"
            + "<message>用户名或密码错误</message></returnsms>",
        GBK,
        "text/xml");

    GatewayException refused =
        catchThrowableOfType(GatewayException.class, () -> client.changePassword(gbk, "new"));

    assertThat(refused.error()).isEqualTo(GatewayError.WRONG_CREDENTIALS);
    assertThat(sentBody("/smsGBK.aspx"))
        .isEqualTo(
            ascii(
                "action=changespwd&userid=12&account=acme&password=s3cret%2Bpw"
                    + "&newpwd=new&renewpwd=new"));
  }

  @Test
  void changePasswordFailureWithTheVendorsOwnTextIsOtherError() {
    answer(
        "/sms.aspx",
        "<returnsms><returnstatus>Faild</returnstatus><message>两次输入的密码不一致</message>"
            + "<checkCounts/></returnsms>");

    GatewayException refused =
        catchThrowableOfType(GatewayException.class, () -> client.changePassword(utf8, "x"));

    assertThat(refused.error()).isEqualTo(GatewayError.OTHER_UPSTREAM_ERROR);
    assertThat(refused.upstreamMessage()).isEqualTo("两次输入的密码不一致");
  }

  // ---- answers that are not answers, and answers that never come

  @Test
  void anHtmlErrorPageIsGarbageWithItsHttpStatus() {
    wiremock.stubFor(
        post(urlEqualTo("/sms.aspx"))
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withHeader("Content-Type", "text/html")
                    .withBody("<html><body>Server Error s3cret+pw</body></html>")));

    GatewayException refused =
        catchThrowableOfType(GatewayException.class, () -> client.overage(utf8));

    assertThat(refused.error()).isEqualTo(GatewayError.UPSTREAM_GARBAGE);
    assertThat(refused.httpStatus()).isEqualTo(500);
    assertThat(refused.getMessage()).doesNotContain("s3cret");
  }

  @Test
  void anEmptyOrHtmlBodyWithStatus200IsGarbage() {
    answer("/sms.aspx", "");
    assertThat(sendFails(utf8).error()).isEqualTo(GatewayError.UPSTREAM_GARBAGE);

    answer("/sms.aspx", "<!DOCTYPE html><html><body>hello</body></html>");
    assertThat(sendFails(utf8).error()).isEqualTo(GatewayError.UPSTREAM_GARBAGE);

    answer("/sms.aspx", "<html><body>hello</body></html>");
    GatewayException html = sendFails(utf8);
    assertThat(html.error()).isEqualTo(GatewayError.UPSTREAM_GARBAGE);
    assertThat(html.httpStatus()).isEqualTo(200);
  }

  @Test
  void anAnswerLargerThanTheLimitIsGarbage() {
    answer("/statusApi.aspx", "<returnsms>" + "<x>y</x>".repeat(700_000) + "</returnsms>");

    GatewayException refused =
        catchThrowableOfType(GatewayException.class, () -> statusReports(utf8, 1));

    assertThat(refused.error()).isEqualTo(GatewayError.UPSTREAM_GARBAGE);
    assertThat(refused.getMessage()).contains("larger than");
  }

  @Test
  void aSendWhoseAnswerTimesOutIsOutcomeUnknownAndNotRetried() {
    wiremock.stubFor(
        post(urlEqualTo("/sms.aspx"))
            .willReturn(aResponse().withFixedDelay(2_000).withBody(failedSend("Success", "ok"))));

    GatewayException lost = sendFails(utf8);

    assertThat(lost.error()).isEqualTo(GatewayError.OUTCOME_UNKNOWN);
    assertThat(lost.error().mayHaveTakenEffect()).isTrue();
    wiremock.verify(1, postRequestedFor(urlEqualTo("/sms.aspx")));
  }

  @Test
  void aSendWhoseConnectionIsResetIsOutcomeUnknownAndNotRetried() {
    wiremock.stubFor(
        post(urlEqualTo("/sms.aspx"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThat(sendFails(utf8).error()).isEqualTo(GatewayError.OUTCOME_UNKNOWN);
    wiremock.verify(1, postRequestedFor(urlEqualTo("/sms.aspx")));
  }

  @Test
  void aGatewayThatRefusesConnectionsIsUnreachable() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    GatewayLogin nowhere =
        new GatewayLogin("http://127.0.0.1:" + closedPort, GatewayCharset.UTF8, "12", "acme", "pw");

    GatewayException refused = sendFails(nowhere);

    assertThat(refused.error()).isEqualTo(GatewayError.UPSTREAM_UNREACHABLE);
    assertThat(refused.error().mayHaveTakenEffect()).isFalse();
  }

  @Test
  void anAddressThatIsNotAnAllowedEndpointIsRefusedBeforeAnythingIsSent() {
    answer("/sms.aspx", failedSend("Faild", "用户名或密码错误"));
    answer("/statusApi.aspx", "<returnsms></returnsms>");
    GatewayClient guarded =
        new GatewayClient(TestGatewaySettings.defaults(), url -> url.equals(wiremock.baseUrl()));
    // The same server under another spelling: not an endpoint the administrators allow.
    GatewayLogin typed =
        new GatewayLogin(
            wiremock.baseUrl().replace("localhost", "127.0.0.1"),
            GatewayCharset.UTF8,
            "12",
            "acme",
            "s3cret+pw");

    GatewayException refused =
        catchThrowableOfType(
            GatewayException.class,
            () -> guarded.send(typed, SendRequest.now(List.of("13800000000"), "hi")));
    GatewayException alsoRefused =
        catchThrowableOfType(
            GatewayException.class, () -> guarded.fetchStatusReports(typed, 10, AnswerSink.NONE));

    assertThat(refused.error()).isEqualTo(GatewayError.ENDPOINT_NOT_ALLOWED);
    assertThat(refused.error().mayHaveTakenEffect()).isFalse();
    assertThat(alsoRefused.error()).isEqualTo(GatewayError.ENDPOINT_NOT_ALLOWED);
    assertThat(refused.getMessage()).doesNotContain("s3cret");
    wiremock.verify(0, postRequestedFor(urlEqualTo("/sms.aspx")));
    wiremock.verify(0, postRequestedFor(urlEqualTo("/statusApi.aspx")));
    GatewayException answered =
        catchThrowableOfType(
            GatewayException.class,
            () -> guarded.send(utf8, SendRequest.now(List.of("13800000000"), "hi")));
    assertThat(answered.error())
        .as("the allowed spelling reaches the gateway")
        .isEqualTo(GatewayError.WRONG_CREDENTIALS);
    wiremock.verify(1, postRequestedFor(urlEqualTo("/sms.aspx")));
  }

  @Test
  void aGuardThatCannotTellLetsNothingThrough() {
    GatewayClient blind =
        new GatewayClient(
            TestGatewaySettings.defaults(),
            url -> {
              throw new IllegalStateException("database away");
            });

    GatewayException refused =
        catchThrowableOfType(GatewayException.class, () -> blind.overage(utf8));

    assertThat(refused.error()).isEqualTo(GatewayError.ENDPOINT_NOT_ALLOWED);
    wiremock.verify(0, postRequestedFor(urlEqualTo("/sms.aspx")));
  }

  @Test
  void theCircuitOpensAfterRepeatedFailuresAndStopsCallingTheGateway() {
    wiremock.stubFor(post(urlEqualTo("/sms.aspx")).willReturn(aResponse().withStatus(503)));
    for (int i = 0; i < 3; i++) {
      assertThat(sendFails(utf8).error()).isEqualTo(GatewayError.UPSTREAM_GARBAGE);
    }

    GatewayException refused = sendFails(utf8);

    assertThat(refused.error()).isEqualTo(GatewayError.UPSTREAM_UNREACHABLE);
    wiremock.verify(3, postRequestedFor(urlEqualTo("/sms.aspx")));
    GatewayLogin otherAccount = utf8.withPassword("x");
    assertThat(otherAccount.key()).isEqualTo(utf8.key());
    GatewayLogin globex =
        new GatewayLogin(wiremock.baseUrl(), GatewayCharset.UTF8, "13", "globex", "pw");
    assertThat(sendFails(globex).error())
        .as("another account has its own circuit")
        .isEqualTo(GatewayError.UPSTREAM_GARBAGE);
  }

  @Test
  void anOpenCircuitLetsOneTrialCallThroughAfterItsWaitAndASuccessClosesIt() {
    java.util.concurrent.atomic.AtomicReference<java.time.Instant> now =
        new java.util.concurrent.atomic.AtomicReference<>(
            java.time.Instant.parse("2026-01-01T00:00:00Z"));
    java.time.Clock clock =
        new java.time.Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
          }

          @Override
          public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public java.time.Instant instant() {
            return now.get();
          }
        };
    GatewayClient timed =
        new GatewayClient(
            TestGatewaySettings.withTimeoutsAndBreaker(
                Duration.ofSeconds(1), Duration.ofMillis(1500), 2, Duration.ofMinutes(1)),
            ANY_ENDPOINT,
            clock);
    wiremock.stubFor(post(urlEqualTo("/sms.aspx")).willReturn(aResponse().withStatus(503)));
    for (int i = 0; i < 2; i++) {
      catchThrowableOfType(
          GatewayException.class,
          () -> timed.send(utf8, SendRequest.now(List.of("15023239810"), "hi")));
    }
    GatewayException open =
        catchThrowableOfType(
            GatewayException.class,
            () -> timed.send(utf8, SendRequest.now(List.of("15023239810"), "hi")));
    assertThat(open.error()).isEqualTo(GatewayError.UPSTREAM_UNREACHABLE);
    wiremock.verify(2, postRequestedFor(urlEqualTo("/sms.aspx")));

    now.set(now.get().plus(Duration.ofSeconds(61)));
    answer("/sms.aspx", failedSend("Faild", "用户名或密码错误"));
    GatewayException trial =
        catchThrowableOfType(
            GatewayException.class,
            () -> timed.send(utf8, SendRequest.now(List.of("15023239810"), "hi")));

    assertThat(trial.error())
        .as("the trial call reached the gateway")
        .isEqualTo(GatewayError.WRONG_CREDENTIALS);
    assertThat(timed.circuits().circuitBreaker(utf8.key()).getState())
        .isEqualTo(io.github.resilience4j.circuitbreaker.CircuitBreaker.State.CLOSED);
  }

  @Test
  void readableRefusalsDoNotOpenTheCircuit() {
    answer("/sms.aspx", failedSend("Faild", "用户名或密码错误"));
    for (int i = 0; i < 5; i++) {
      assertThat(sendFails(utf8).error()).isEqualTo(GatewayError.WRONG_CREDENTIALS);
    }
    wiremock.verify(5, postRequestedFor(urlEqualTo("/sms.aspx")));
  }

  @Test
  void theAccountAndItsErrorsNeverShowThePassword() {
    answer("/sms.aspx", failedSend("Faild", "用户名或密码错误"));

    GatewayException refused = sendFails(utf8);

    assertThat(utf8.toString()).doesNotContain("s3cret").contains("****");
    assertThat(refused.getMessage()).doesNotContain("s3cret");
  }

  // ---- helpers

  /** The status reports queue as the poller reads it: fetched as text, then read. */
  private StatusReportBatch statusReports(GatewayLogin account, int statusNum) {
    return GatewayClient.readStatusReports(
        client.fetchStatusReports(account, statusNum, AnswerSink.NONE));
  }

  /** The replies queue as the poller reads it: fetched as text, then read. */
  private ReplyBatch replies(GatewayLogin account, boolean ownExt) {
    return GatewayClient.readReplies(client.fetchReplies(account, ownExt, AnswerSink.NONE));
  }

  private GatewayException sendFails(GatewayLogin account) {
    GatewayException failure =
        catchThrowableOfType(
            GatewayException.class,
            () -> client.send(account, SendRequest.now(List.of("15023239810"), "hi")));
    assertThat(failure).as("the send must fail with a GatewayException").isNotNull();
    return failure;
  }

  private static String failedSend(String status, String message) {
    return "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n<returnsms>\n <returnstatus>"
        + status
        + "</returnstatus>\n <message>"
        + message
        + "</message>\n <remainpoint>0</remainpoint>\n <taskID></taskID>\n"
        + " <successCounts></successCounts>\n</returnsms>";
  }

  private static void answer(String path, String body) {
    answer(path, body, StandardCharsets.UTF_8, "text/xml; charset=utf-8");
  }

  private static void answer(String path, String body, Charset charset, String contentType) {
    wiremock.stubFor(
        post(urlEqualTo(path))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", contentType)
                    .withBody(body.getBytes(charset))));
  }

  private static byte[] sentBody(String path) {
    List<com.github.tomakehurst.wiremock.verification.LoggedRequest> requests =
        wiremock.findAll(postRequestedFor(urlEqualTo(path)));
    assertThat(requests).hasSize(1);
    return requests.get(0).getBody();
  }

  private static String contentType(String path) {
    return wiremock.findAll(postRequestedFor(urlEqualTo(path))).get(0).getHeader("Content-Type");
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
