package com.smsportal.gateway;

import com.smsportal.gateway.AnswerParser.Node;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Turns the element tree of each action's answer into its typed result or domain error. */
final class Answers {

  private Answers() {}

  static SendResult send(Node root, String raw) {
    String status = root.text("returnstatus");
    String message = root.text("message");
    if (!UpstreamMessages.isSuccess(status)) {
      throw failure(message, raw);
    }
    return new SendResult(
        orEmpty(root.text("taskID")),
        number(root.text("successCounts")),
        number(root.text("remainpoint")),
        orEmpty(message),
        raw);
  }

  static Balance overage(Node root, String raw) {
    if (!UpstreamMessages.isSuccess(root.text("returnstatus"))) {
      throw failure(root.text("message"), raw);
    }
    return new Balance(
        orEmpty(root.text("payinfo")),
        number(root.text("overage")),
        number(root.text("sendTotal")),
        raw);
  }

  static KeywordCheck checkKeyword(Node root, String raw) {
    String message = orEmpty(root.text("message"));
    if (message.contains(UpstreamMessages.NO_BLOCKED_WORDS)) {
      return new KeywordCheck(true, List.of(), message, raw);
    }
    if (message.startsWith(UpstreamMessages.BLOCKED_PREFIX)) {
      return new KeywordCheck(false, UpstreamMessages.blockedWords(message), message, raw);
    }
    throw failure(message, raw);
  }

  static PasswordChange changePassword(Node root, String raw) {
    String message = root.text("message");
    if (!UpstreamMessages.isSuccess(root.text("returnstatus"))) {
      throw failure(message, raw);
    }
    return new PasswordChange(orEmpty(message), raw);
  }

  static StatusReportBatch statusReports(Node root, String raw) {
    refuseErrorStatus(root, raw);
    List<StatusReport> reports = new ArrayList<>();
    for (Node box : root.all("statusbox")) {
      String receiveTime = orEmpty(box.text("receivetime"));
      reports.add(
          new StatusReport(
              orEmpty(box.text("mobile")),
              orEmpty(box.text("taskid")),
              (int) number(box.text("status")),
              ChinaTime.parse(receiveTime),
              receiveTime,
              orEmpty(box.text("errorcode")),
              orEmpty(box.text("extno"))));
    }
    return new StatusReportBatch(reports, raw);
  }

  static ReplyBatch replies(Node root, String raw) {
    refuseErrorStatus(root, raw);
    List<Reply> replies = new ArrayList<>();
    for (Node box : root.all("callbox")) {
      String receiveTime = orEmpty(box.text("receivetime"));
      replies.add(
          new Reply(
              orEmpty(box.text("mobile")),
              orEmpty(box.text("taskid")),
              orEmpty(box.text("content")),
              ChinaTime.parse(receiveTime),
              receiveTime,
              orEmpty(box.text("extno"))));
    }
    return new ReplyBatch(replies, raw);
  }

  private static void refuseErrorStatus(Node root, String raw) {
    Node error = root.child("errorstatus");
    if (error != null) {
      throw GatewayException.of(
          UpstreamMessages.errorForCode(error.text("error")), error.text("remark"), raw);
    }
  }

  private static GatewayException failure(String message, String raw) {
    GatewayError error = UpstreamMessages.errorFor(message);
    List<String> words =
        error == GatewayError.BLOCKED_WORDS ? UpstreamMessages.blockedWords(message) : List.of();
    return new GatewayException(error, message, words, null, raw, null, null);
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }

  /** A count or balance; the gateway writes integers, but a decimal or blank must not fail. */
  private static long number(String text) {
    if (text == null || text.isBlank()) {
      return 0;
    }
    try {
      return new BigDecimal(text.strip()).longValue();
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
