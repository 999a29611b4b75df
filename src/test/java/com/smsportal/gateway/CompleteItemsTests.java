package com.smsportal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The items that arrived whole in the beginning of an answer whose transfer was cut off: each is
 * read exactly as in a whole answer, the incomplete one is left out, whatever byte the cut fell on.
 */
class CompleteItemsTests {

  private static final String HEAD = "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n<returnsms>\n";

  private static String report(int n) {
    return " <statusbox>\n  <mobile>1390000"
        + String.format("%04d", n)
        + "</mobile>\n  <taskid>77</taskid>\n  <status>10</status>\n"
        + "  <receivetime>2026-12-07 10:00:00</receivetime>\n  <errorcode>DELIVRD</errorcode>\n"
        + "  <extno>01</extno>\n </statusbox>\n";
  }

  private static String reports(int count) {
    StringBuilder answer = new StringBuilder(HEAD);
    for (int i = 0; i < count; i++) {
      answer.append(report(i));
    }
    return answer.append("</returnsms>\n").toString();
  }

  @Test
  void everyCutKeepsExactlyTheReportsWhoseClosingTagArrived() {
    byte[] whole = reports(5).getBytes(StandardCharsets.UTF_8);
    String text = new String(whole, StandardCharsets.UTF_8);
    for (int cut = 0; cut <= whole.length; cut++) {
      CompleteItems complete =
          GatewayClient.completeStatusReports(Arrays.copyOf(whole, cut), "text/xml");
      String arrived = text.substring(0, cut);
      int closed = arrived.split("</statusbox>", -1).length - 1;
      assertThat(complete.items()).as("cut at byte %d", cut).isEqualTo(closed);
      StatusReportBatch read = GatewayClient.readStatusReports(complete.answer());
      assertThat(read.reports()).hasSize(closed);
      for (int i = 0; i < closed; i++) {
        assertThat(read.reports().get(i).mobile()).isEqualTo("1390000" + String.format("%04d", i));
      }
    }
  }

  @Test
  void aWholeAnswerGivesAllItsReportsAsTheAnswerItself() {
    String whole = reports(40);

    CompleteItems complete =
        GatewayClient.completeStatusReports(whole.getBytes(StandardCharsets.UTF_8), null);

    assertThat(GatewayClient.readStatusReports(complete.answer()).reports())
        .isEqualTo(GatewayClient.readStatusReports(whole).reports());
  }

  @Test
  void repliesCutInTheMiddleOfAChineseCharacterKeepTheWholeOnesInTheirCharset() {
    String answer =
        HEAD
            + " <callbox><mobile>13900000001</mobile><taskid>1</taskid><content>退订</content>"
            + "<receivetime>2026-12-07 10:00:00</receivetime><extno>01</extno></callbox>\n"
            + " <callbox><mobile>13900000002</mobile><taskid>1</taskid><content>你好，谢谢</content>";
    Charset gbk = Charset.forName("GBK");
    byte[] bytes = answer.replace("utf-8", "gbk").getBytes(gbk);
    byte[] cutInACharacter = Arrays.copyOf(bytes, bytes.length - 3); // half of "谢"

    CompleteItems complete =
        GatewayClient.completeReplies(cutInACharacter, "text/xml; charset=gbk");

    assertThat(complete.items()).isEqualTo(1);
    ReplyBatch replies = GatewayClient.readReplies(complete.answer());
    assertThat(replies.replies()).singleElement().extracting(Reply::content).isEqualTo("退订");
  }

  @Test
  void theVendorsSpacedTagsAndAnErrorAnswerAreReadAsInAWholeAnswer() {
    String spaced =
        "<returnsms>< statusbox ><mobile>13900000001</mobile><taskid>9</taskid><status>20"
            + "</status><receivetime>2026-12-07 10:00:00</receivetime><errorcode>UNDELIV"
            + "</errorcode><extno></extno></ statusbox ><statusbox><mobile>139";
    CompleteItems complete =
        GatewayClient.completeStatusReports(spaced.getBytes(StandardCharsets.UTF_8), null);
    assertThat(complete.items()).isEqualTo(1);
    assertThat(GatewayClient.readStatusReports(complete.answer()).reports())
        .singleElement()
        .extracting(StatusReport::mobile)
        .isEqualTo("13900000001");

    String refused =
        "<returnsms><errorstatus><error>2</error><remark>用户名或密码错误</remark></errorstatus>"
            + "</returnsms>";
    assertThat(
            GatewayClient.completeStatusReports(refused.getBytes(StandardCharsets.UTF_8), null)
                .items())
        .isZero();
  }
}
