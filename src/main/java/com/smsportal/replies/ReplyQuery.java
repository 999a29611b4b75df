package com.smsportal.replies;

import com.smsportal.web.FilterInput;
import java.time.Instant;

/** The replies filter once read: every field optional, times as an instant range [from, until). */
record ReplyQuery(String mobile, String text, Instant from, Instant until) {

  static final int TEXT_MAX = 100;

  static final ReplyQuery ALL = new ReplyQuery(null, null, null, null);

  /**
   * Reads the page's query parameters; what cannot be read is reported to {@code input}, and the
   * query must then not run.
   */
  static ReplyQuery read(FilterInput input, String mobile, String q, String from, String to) {
    Instant start = input.from("from", from);
    Instant end = input.until("to", to);
    input.range(start, end, "to");
    return new ReplyQuery(input.mobile("mobile", mobile), input.text("q", q, TEXT_MAX), start, end);
  }
}
