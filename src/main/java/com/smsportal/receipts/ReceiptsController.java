package com.smsportal.receipts;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.tenant.TenantContext;
import com.smsportal.web.CsvDownload;
import com.smsportal.web.FilterInput;
import com.smsportal.web.KeysetPage;
import com.smsportal.web.PageCursor;
import com.smsportal.web.Times;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The tenant's delivery reports: filter, page by keyset newest first, export what is filtered. */
@Controller
class ReceiptsController {

  static final String VIEW = "receipts/list";
  static final int PAGE_SIZE = 50;

  private final ReceiptSearch search;
  private final GatewayAccounts accounts;
  private final AuditLog audit;
  private final Times times;
  private final Clock clock;

  ReceiptsController(
      ReceiptSearch search, AuditLog audit, Times times, Clock clock, GatewayAccounts accounts) {
    this.accounts = accounts;
    this.search = search;
    this.audit = audit;
    this.times = times;
    this.clock = clock;
  }

  @GetMapping("/receipts")
  String list(
      @RequestParam(required = false) String mobile,
      @RequestParam(required = false) String taskId,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String before,
      Model model) {
    FilterInput input = new FilterInput();
    ReceiptQuery query = ReceiptQuery.read(input, mobile, taskId, status, from, to);
    PageCursor cursor = input.cursor("before", before);
    model.addAttribute("errors", input.errors());
    accountColumn(model);
    model.addAttribute(
        "statusFilter",
        query.status() == null ? "all" : query.status().name().toLowerCase(Locale.ROOT));
    model.addAttribute("paged", cursor != null);
    if (!input.valid()) {
      model.addAttribute("receipts", List.of());
      return VIEW;
    }
    KeysetPage<ReceiptView> page = KeysetPage.read(PAGE_SIZE, n -> search.page(query, cursor, n));
    model.addAttribute("receipts", page.rows());
    model.addAttribute("nextBefore", page.next(r -> r.cursor().token()));
    return VIEW;
  }

  /** Every report the page's filter matches, streamed in batches; bad input goes back to it. */
  @GetMapping("/receipts/export")
  ResponseEntity<StreamingResponseBody> export(
      @RequestParam(required = false) String mobile,
      @RequestParam(required = false) String taskId,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      HttpServletRequest request) {
    FilterInput input = new FilterInput();
    ReceiptQuery query = ReceiptQuery.read(input, mobile, taskId, status, from, to);
    if (!input.valid()) {
      String back =
          request.getContextPath() + "/receipts?" + Objects.toString(request.getQueryString(), "");
      return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(back)).build();
    }
    audit.record(AuditEntry.success(AuditAction.EXPORT, "receipts").detail(describe(query)));
    long tenant = TenantContext.current(); // the stream is written on another thread
    return CsvDownload.of(
        "receipts-" + LocalDate.now(clock.withZone(Times.ZONE)) + ".csv",
        List.of(
            "received_at",
            "mobile",
            "task_id",
            "status",
            "carrier_code",
            "extno",
            "job_id",
            "fetched_at"),
        (beforeId, limit) ->
            TenantContext.callAs(tenant, () -> search.pageBelowId(query, beforeId, limit)),
        ReceiptView::id,
        r ->
            Arrays.asList(
                times.format(r.receivedAt()),
                r.mobile(),
                r.taskId(),
                r.delivered() ? "delivered" : r.failed() ? "failed" : String.valueOf(r.status()),
                r.errorCode(),
                r.extno(),
                r.jobId(),
                times.format(r.fetchedAt())));
  }

  /** The gateway account of each row, named when the tenant has more than one. */
  private void accountColumn(Model model) {
    Map<Long, String> names = accounts.names();
    model.addAttribute("accountNames", names);
    model.addAttribute("severalAccounts", names.size() > 1);
  }

  /** The filter in the audit log's detail: which rows left the portal. */
  private static String describe(ReceiptQuery query) {
    StringJoiner filter = new StringJoiner(", ", "filter: ", "").setEmptyValue("all receipts");
    if (query.mobile() != null) {
      filter.add("mobile " + query.mobile());
    }
    if (query.taskId() != null) {
      filter.add("task " + query.taskId());
    }
    if (query.status() != null) {
      filter.add("status " + query.status());
    }
    if (query.from() != null) {
      filter.add("from " + query.from());
    }
    if (query.until() != null) {
      filter.add("until " + query.until());
    }
    return filter.toString();
  }
}
