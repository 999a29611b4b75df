package com.smsportal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever bytes come back, reading them yields a typed result or a {@link GatewayException}, never
 * any other exception: a poller must never die on an answer.
 */
class AnswerParserPropertyTests {

  private static final List<String> FRAGMENTS =
      List.of(
          "<?xml version=\"1.0\" encoding=\"utf-8\" ?>",
          "<?xml version=\"1.0\" encoding=\"gb2312\"?>",
          "<?xml version=\"1.0\" encoding=\"nonsense\"?>",
          "<returnsms>",
          "</returnsms>",
          "<returnsms/>",
          "<returnstatus>Success</returnstatus>",
          "<returnstatus>Sucess</returnstatus>",
          "<returnstatus>Faild</returnstatus>",
          "<message>",
          "</message>",
          "包含非法字符:",
          "没有包含屏蔽词",
          "<statusbox>",
          "</statusbox>",
          "<callbox>",
          "</callbox>",
          "<status>",
          "</status>",
          "<receivetime>2011/12/02 22:12:11</receivetime>",
          "<receivetime>2011-13-45 99:99:99</receivetime>",
          "<taskID>",
          "</taskID>",
          "<errorstatus><error>",
          "</error></errorstatus>",
          "< checkCounts ></ checkCounts >",
          "<!DOCTYPE x [<!ENTITY e \"v\">]>",
          "&e;",
          "&amp;",
          "&#0;",
          "<![CDATA[",
          "]]>",
          "<",
          ">",
          "/",
          "&",
          "\"",
          "1234",
          "-1",
          "99999999999999999999999",
          "你好",
          "\uFEFF",
          " ",
          "\n");

  @Property(tries = 400)
  void anyBytesBecomeAResultOrAGatewayException(
      @ForAll byte[] body, @ForAll("actions") GatewayCalls.Action action) {
    assertReadable(action, body, null);
  }

  @Property(tries = 1500)
  void anyMixOfAnswerFragmentsBecomesAResultOrAGatewayException(
      @ForAll("answerish") String body,
      @ForAll("actions") GatewayCalls.Action action,
      @ForAll("charsets") Charset charset) {
    assertReadable(action, body.getBytes(charset), "text/xml; charset=" + charset.name());
  }

  @Property(tries = 1500)
  void anyWellFormedAnswerWithArbitraryValuesBecomesAResultOrAGatewayException(
      @ForAll("structured") String body, @ForAll("actions") GatewayCalls.Action action) {
    assertReadable(action, body.getBytes(StandardCharsets.UTF_8), null);
  }

  /**
   * Issue 27: reports and replies are read in one streaming pass, without the element tree the
   * other answers get; whatever the text, that reads exactly what the tree reads, or fails alike.
   */
  @Property(tries = 1500)
  void reportsAndRepliesStreamedReadAsTheTreeReadsThem(
      @ForAll("streamable") String body, @ForAll boolean nested) {
    String text = nested ? body.replace("</mobile>", "<x>9</x></mobile>") : body;
    assertThat(outcome(() -> GatewayClient.readStatusReports(text).reports()))
        .isEqualTo(outcome(() -> Answers.statusReports(AnswerParser.parse(text), text).reports()));
    assertThat(outcome(() -> GatewayClient.readReplies(text).replies()))
        .isEqualTo(outcome(() -> Answers.replies(AnswerParser.parse(text), text).replies()));
  }

  @Provide
  Arbitrary<String> streamable() {
    return Arbitraries.oneOf(structured(), answerish());
  }

  private interface Read {
    Object read() throws AnswerParser.Garbage;
  }

  /** What was read, or the kind of failure. */
  private static Object outcome(Read read) {
    try {
      return read.read();
    } catch (AnswerParser.Garbage garbage) {
      return GatewayError.UPSTREAM_GARBAGE;
    } catch (GatewayException e) {
      return e.error();
    }
  }

  @Provide
  Arbitrary<String> structured() {
    Arbitrary<String> value =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(12),
            Arbitraries.of(
                "10",
                "20",
                "Success",
                "Sucess",
                "Faild",
                "2011/12/02 22:12:11",
                "包含非法字符:赌博",
                "没有包含屏蔽词",
                "",
                "1e99",
                "0017",
                "-",
                "NaN",
                "1.5",
                "99999999999999999999999"));
    Arbitrary<String> element =
        Combinators.combine(Arbitraries.of(NAMES), value)
            .as((name, text) -> "<" + name + ">" + text + "</" + name + ">");
    Arbitrary<String> box =
        Combinators.combine(
                Arbitraries.of("statusbox", "callbox", "errorstatus"), element.list().ofMaxSize(7))
            .as((name, inner) -> "<" + name + ">" + String.join("", inner) + "</" + name + ">");
    return Arbitraries.oneOf(element, box)
        .list()
        .ofMaxSize(8)
        .map(parts -> "<returnsms>" + String.join("\n", parts) + "</returnsms>");
  }

  private static final List<String> NAMES =
      List.of(
          "returnstatus",
          "message",
          "remainpoint",
          "taskID",
          "successCounts",
          "payinfo",
          "overage",
          "sendTotal",
          "mobile",
          "taskid",
          "status",
          "receivetime",
          "errorcode",
          "extno",
          "content",
          "error",
          "remark",
          "checkCounts");

  @Provide
  Arbitrary<GatewayCalls.Action> actions() {
    return Arbitraries.of(GatewayCalls.Action.class);
  }

  @Provide
  Arbitrary<Charset> charsets() {
    return Arbitraries.of(StandardCharsets.UTF_8, Charset.forName("GBK"));
  }

  @Provide
  Arbitrary<String> answerish() {
    return Arbitraries.oneOf(Arbitraries.of(FRAGMENTS), Arbitraries.strings().ofMaxLength(4))
        .list()
        .ofMaxSize(30)
        .map(parts -> String.join("", parts));
  }

  private static void assertReadable(GatewayCalls.Action action, byte[] body, String type) {
    for (int status : new int[] {200, 500}) {
      RawAnswer answer = new RawAnswer(status, body, type);
      try {
        Object result =
            GatewayCalls.read(action, answer, GatewayCharset.GBK, 1 << 20, reader(action));
        assertThat(result).isNotNull();
      } catch (GatewayException expected) {
        assertThat(expected.error()).isNotNull();
      }
    }
  }

  private static BiFunction<AnswerParser.Node, String, ?> reader(GatewayCalls.Action action) {
    return switch (action) {
      case SEND -> Answers::send;
      case OVERAGE -> Answers::overage;
      case CHECKKEYWORD -> Answers::checkKeyword;
      case CHANGESPWD -> Answers::changePassword;
      case STATUS_REPORTS -> Answers::statusReports;
      case REPLIES -> Answers::replies;
    };
  }
}
