package com.smsportal.replies;

import com.smsportal.audit.AuditDetail;
import com.smsportal.web.FilterInput;
import com.smsportal.web.NewestFirstSearch;
import java.time.Instant;

/** The replies filter once read: every field optional, times as an instant range [from, until). */
record ReplyQuery(String mobile, String text, Instant from, Instant until)
    implements NewestFirstSearch.Filter {

  static final int TEXT_MAX = 100;

  static final ReplyQuery ALL = new ReplyQuery(null, null, null, null);

  /**
   * Reads the page's parameters ({@code mobile}, {@code q}, {@code from}, {@code to}); what cannot
   * be read is reported to {@code input}, and the query must then not run.
   */
  static ReplyQuery read(FilterInput input) {
    FilterInput.Range time = input.range("from", "to");
    return new ReplyQuery(
        input.mobile("mobile"), input.text("q", TEXT_MAX), time.from(), time.until());
  }

  /** The filter in the audit log's detail: which rows left the portal. */
  AuditDetail describe() {
    return AuditDetail.filter(
        "filter.mobile",
        mobile,
        "replies.filter.text",
        text,
        "filter.from",
        from,
        "filter.to",
        until);
  }
}
