package com.smsportal.receipts;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditDetail;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.tenant.TenantContext;
import com.smsportal.web.CsvDownload;
import com.smsportal.web.KeysetList;
import com.smsportal.web.Times;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The tenant's delivery reports: filter ({@link ReceiptQuery}: {@code mobile}, {@code taskId},
 * {@code status}, {@code from}, {@code to}), page by keyset newest first ({@code before}), export
 * what is filtered.
 */
@Controller
class ReceiptsController {

  static final String VIEW = "receipts/list";
  static final int PAGE_SIZE = 50;

  private final KeysetList<ReceiptQuery, ReceiptView> list;
  private final AuditLog audit;

  ReceiptsController(
      ReceiptSearch search,
      AuditLog audit,
      Times times,
      Clock clock,
      GatewayAccounts accounts,
      MessageSource messages) {
    this.audit = audit;
    this.list =
        new KeysetList<>(
            "/receipts",
            "receipts",
            PAGE_SIZE,
            ReceiptQuery::read,
            search,
            accounts::names,
            new KeysetList.Csv<>(
                clock,
                messages,
                List.of(
                    "export.col.receivedAt",
                    "export.col.mobile",
                    "export.col.taskId",
                    "export.col.status",
                    "export.col.carrierCode",
                    "export.col.extno",
                    "export.col.jobId",
                    "export.col.fetchedAt"),
                r ->
                    Arrays.asList(
                        times.format(r.receivedAt()),
                        r.mobile(),
                        r.taskId(),
                        r.delivered()
                            ? CsvDownload.label(messages, "receipts.status.delivered")
                            : r.failed()
                                ? CsvDownload.label(messages, "receipts.status.failed")
                                : CsvDownload.label(messages, "receipts.status.other", r.status()),
                        r.errorCode(),
                        r.extno(),
                        r.jobId(),
                        times.format(r.fetchedAt()))));
  }

  @GetMapping("/receipts")
  String list(HttpServletRequest request, Model model) {
    ReceiptQuery query = list.show(request, model);
    model.addAttribute("statusFilter", query.statusFilter());
    return VIEW;
  }

  /** Every report the page's filter matches, streamed in batches; bad input goes back to it. */
  @GetMapping("/receipts/export")
  ResponseEntity<StreamingResponseBody> export(HttpServletRequest request) {
    long tenant = TenantContext.current(); // the stream is written on another thread
    return list.export(
        request,
        query ->
            audit.record(
                AuditEntry.success(AuditAction.EXPORT, AuditDetail.of("audit.target.receipts"))
                    .detail(query.describe())),
        batch -> TenantContext.callAs(tenant, batch));
  }
}
