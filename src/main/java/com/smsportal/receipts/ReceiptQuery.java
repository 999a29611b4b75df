package com.smsportal.receipts;

import com.smsportal.audit.AuditDetail;
import com.smsportal.web.FilterInput;
import com.smsportal.web.NewestFirstSearch;
import java.time.Instant;
import java.util.Locale;

/** The receipts filter once read: every field optional, times as an instant range [from, until). */
record ReceiptQuery(String mobile, String taskId, ReceiptStatus status, Instant from, Instant until)
    implements NewestFirstSearch.Filter {

  static final int TASK_ID_MAX = 64;

  /**
   * Reads the page's parameters ({@code mobile}, {@code taskId}, {@code status}, {@code from},
   * {@code to}); what cannot be read is reported to {@code input}, and the query must then not run.
   */
  static ReceiptQuery read(FilterInput input) {
    String status = input.parameter("status");
    ReceiptStatus wanted = null;
    if (status != null && !status.isBlank() && !"all".equalsIgnoreCase(status.strip())) {
      wanted =
          ReceiptStatus.of(status).orElseGet(() -> input.reject("status", "filter.error.status"));
    }
    FilterInput.Range time = input.range("from", "to");
    return new ReceiptQuery(
        input.mobile("mobile"),
        input.text("taskId", TASK_ID_MAX),
        wanted,
        time.from(),
        time.until());
  }

  /** The status choice the page shows selected: all, delivered or failed. */
  String statusFilter() {
    return status == null ? "all" : status.name().toLowerCase(Locale.ROOT);
  }

  /** The filter in the audit log's detail: which rows left the portal. */
  AuditDetail describe() {
    return AuditDetail.filter(
        "filter.mobile",
        mobile,
        "receipts.filter.taskId",
        taskId,
        "receipts.filter.status",
        status == null
            ? null
            : AuditDetail.text(
                status == ReceiptStatus.DELIVERED
                    ? "receipts.status.delivered"
                    : "receipts.status.failed"),
        "filter.from",
        from,
        "filter.to",
        until);
  }
}
