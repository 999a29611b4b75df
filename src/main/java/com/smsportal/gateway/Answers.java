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

  /** A status report's fields, in the order of {@link #statusReport}'s row. */
  static final String[] REPORT_FIELDS = {
    "mobile", "taskid", "status", "receivetime", "errorcode", "extno"
  };

  /** A reply's fields, in the order of {@link #reply}'s row. */
  static final String[] REPLY_FIELDS = {"mobile", "taskid", "content", "receivetime", "extno"};

  static StatusReportBatch statusReports(Node root, String raw) {
    return statusReports(root, rows(root, "statusbox", REPORT_FIELDS), raw);
  }

  /** The status reports of an answer read by {@link AnswerParser#items} (no tree of them). */
  static StatusReportBatch statusReports(AnswerParser.Items items, String raw) {
    return statusReports(items.root(), items.rows(), raw);
  }

  static ReplyBatch replies(Node root, String raw) {
    return replies(root, rows(root, "callbox", REPLY_FIELDS), raw);
  }

  static ReplyBatch replies(AnswerParser.Items items, String raw) {
    return replies(items.root(), items.rows(), raw);
  }

  private static StatusReportBatch statusReports(Node root, List<String[]> rows, String raw) {
    refuseErrorStatus(root, raw);
    List<StatusReport> reports = new ArrayList<>(rows.size());
    for (String[] row : rows) {
      String receiveTime = orEmpty(row[3]);
      reports.add(
          new StatusReport(
              orEmpty(row[0]),
              orEmpty(row[1]),
              (int) number(row[2]),
              ChinaTime.parse(receiveTime),
              receiveTime,
              orEmpty(row[4]),
              orEmpty(row[5])));
    }
    return new StatusReportBatch(reports, raw);
  }

  private static ReplyBatch replies(Node root, List<String[]> rows, String raw) {
    refuseErrorStatus(root, raw);
    List<Reply> replies = new ArrayList<>(rows.size());
    for (String[] row : rows) {
      String receiveTime = orEmpty(row[3]);
      replies.add(
          new Reply(
              orEmpty(row[0]),
              orEmpty(row[1]),
              orEmpty(row[2]),
              ChinaTime.parse(receiveTime),
              receiveTime,
              orEmpty(row[4])));
    }
    return new ReplyBatch(replies, raw);
  }

  /** The root's children named {@code item} as rows, as {@link ItemRows} reads them. */
  private static List<String[]> rows(Node root, String item, String[] fields) {
    List<String[]> rows = new ArrayList<>();
    for (Node box : root.all(item)) {
      String[] row = new String[fields.length];
      for (int i = 0; i < fields.length; i++) {
        row[i] = box.text(fields[i]);
      }
      rows.add(row);
    }
    return rows;
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
    if (text.length() <= 9 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Integer.parseInt(text); // "10", "20": without a BigDecimal per report (issue 27)
    }
    try {
      return new BigDecimal(text.strip()).longValue();
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
