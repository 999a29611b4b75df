package com.smsportal.receipts;

import com.smsportal.web.FilterInput;
import java.time.Instant;

/** The receipts filter once read: every field optional, times as an instant range [from, until). */
record ReceiptQuery(
    String mobile, String taskId, ReceiptStatus status, Instant from, Instant until) {

  static final int TASK_ID_MAX = 64;

  /**
   * Reads the page's query parameters; what cannot be read is reported to {@code input}, and the
   * query must then not run.
   */
  static ReceiptQuery read(
      FilterInput input, String mobile, String taskId, String status, String from, String to) {
    ReceiptStatus wanted = null;
    if (status != null && !status.isBlank() && !"all".equalsIgnoreCase(status.strip())) {
      wanted =
          ReceiptStatus.of(status).orElseGet(() -> input.reject("status", "filter.error.status"));
    }
    Instant start = input.from("from", from);
    Instant end = input.until("to", to);
    input.range(start, end, "to");
    return new ReceiptQuery(
        input.mobile("mobile", mobile),
        input.text("taskId", taskId, TASK_ID_MAX),
        wanted,
        start,
        end);
  }
}
