package com.smsportal.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smsportal.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simulator's rules and its exact answers, without HTTP and on a clock the test moves. */
class SimulatedGatewayTests {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T02:00:00Z"));
  private final SimulatedGateway gateway =
      new SimulatedGateway(
          new SimulatorProperties(
              Duration.ofSeconds(5),
              Duration.ofSeconds(1),
              1500,
              List.of("赌博"),
              List.of(
                  new SimulatorProperties.Account("7", "demo", "pw-1", 10, true, ""),
                  new SimulatorProperties.Account("8", "mute", "pw-2", 10, false, ""))),
          clock);

  @Test
  void aSendAnswersExactlyLikeTheVendorWithANewNumericTaskId() {
    String answer =
        gateway.accountAction(form("send", "mobile", "13800000001,13800000002", "content", "hi"));

    assertThat(answer)
        .isEqualTo(
            """
            <returnsms>
             <returnstatus>Success</returnstatus>
             <message>ok</message>
             <remainpoint>8</remainpoint>
             <taskID>1500</taskID>
             <successCounts>2</successCounts>
            </returnsms>
            """);
    assertThat(gateway.accountAction(form("send", "mobile", "1", "content", "hi")))
        .contains("<taskID>1501</taskID>");
  }

  @Test
  void overageSaysSucessAsTheVendorMisspellsIt() {
    assertThat(gateway.accountAction(form("overage")))
        .isEqualTo(
            """
            <returnsms>
             <returnstatus>Sucess</returnstatus>
             <message></message>
             <payinfo>预付费</payinfo>
             <overage>10</overage>
             <sendTotal>10</sendTotal>
            </returnsms>
            """);
  }

  @Test
  void changespwdKeepsTheVendorsMalformedReservedElementAndRefusesMismatchedRepeats() {
    String refused = gateway.accountAction(form("changespwd", "newpwd", "a", "renewpwd", "b"));
    String changed =
        gateway.accountAction(form("changespwd", "newpwd", "new-pw", "renewpwd", "new-pw"));

    assertThat(refused).contains("<returnstatus>Faild</returnstatus>");
    assertThat(changed)
        .contains("<returnstatus>Success</returnstatus>")
        .contains("<message>密码修改成功</message>")
        .contains("< checkCounts ></ checkCounts >");
    assertThat(gateway.accountAction(form("overage"))).contains("用户名或密码错误");
  }

  @Test
  void reportsAppearOnlyAfterTheDelayAndNumbersEndingInFourFail() {
    gateway.accountAction(form("send", "mobile", "13800000004,13800000005", "content", "hi"));

    assertThat(gateway.statusReports(query())).isEqualTo("<returnsms/>\n");
    clock.advance(Duration.ofSeconds(5));
    String reports = gateway.statusReports(query());

    assertThat(reports)
        .contains(
            "<mobile>13800000004</mobile>\n  <taskid>1500</taskid>\n  <status>20</status>\n"
                + "  <receivetime>2026-03-01 10:00:05</receivetime>\n  <errorcode>UNDELIV</errorcode>")
        .contains("<mobile>13800000005</mobile>\n  <taskid>1500</taskid>\n  <status>10</status>");
    assertThat(gateway.statusReports(query())).isEqualTo("<returnsms/>\n");
  }

  @Test
  void aScheduledSendReportsAfterItsSendTimeInChinaTime() {
    // 2026-03-01 12:00:00 in Shanghai is 04:00 UTC, two hours from the clock's now.
    gateway.accountAction(
        form("send", "mobile", "1", "content", "hi", "sendTime", "2026-03-01 12:00:00"));

    clock.advance(Duration.ofHours(2));
    assertThat(gateway.statusReports(query())).isEqualTo("<returnsms/>\n");
    clock.advance(Duration.ofSeconds(5));
    assertThat(gateway.statusReports(query())).contains("<receivetime>2026-03-01 12:00:05");
  }

  @Test
  void queryErrorsUseTheVendorsErrorstatusCodes() {
    Map<String, String> mute = query();
    mute.put("userid", "8");
    mute.put("account", "mute");
    mute.put("password", "pw-2");
    Map<String, String> badNumber = query();
    badNumber.put("statusNum", "many");
    Map<String, String> anonymous = query();
    anonymous.put("password", "");

    assertThat(gateway.replies(mute)).contains("<error>3</error>");
    assertThat(gateway.statusReports(badNumber)).contains("<error>4</error>");
    assertThat(gateway.statusReports(anonymous))
        .contains("<error>1</error>")
        .contains("<remark>用户名或密码不能为空</remark>");
  }

  @Test
  void aFaultWithTimesIsUsedUpThenGone() {
    gateway.fault("demo", new Fault(Fault.Mode.HTTP_500, Duration.ZERO, Duration.ZERO, 2));

    assertThat(gateway.faultFor("demo").mode()).isEqualTo(Fault.Mode.HTTP_500);
    assertThat(gateway.faultFor("demo").mode()).isEqualTo(Fault.Mode.HTTP_500);
    assertThat(gateway.faultFor("demo").mode()).isEqualTo(Fault.Mode.NONE);
    assertThatThrownBy(() -> gateway.fault("nobody", Fault.NONE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void segmentsAreSeventyCharactersOrPartsOfSixtySeven() {
    assertThat(SimulatedGateway.segments("字".repeat(70))).isEqualTo(1);
    assertThat(SimulatedGateway.segments("字".repeat(71))).isEqualTo(2);
    assertThat(SimulatedGateway.segments("字".repeat(134))).isEqualTo(2);
    assertThat(SimulatedGateway.segments("字".repeat(135))).isEqualTo(3);
  }

  private static Map<String, String> form(String action, String... pairs) {
    Map<String, String> form = new HashMap<>();
    form.put("action", action);
    form.put("userid", "7");
    form.put("account", "demo");
    form.put("password", "pw-1");
    for (int i = 0; i < pairs.length; i += 2) {
      form.put(pairs[i], pairs[i + 1]);
    }
    return form;
  }

  private static Map<String, String> query() {
    return form("query");
  }
}
