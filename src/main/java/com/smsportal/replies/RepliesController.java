package com.smsportal.replies;

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

/** The tenant's inbound replies: filter, page by keyset newest first, export what is filtered. */
@Controller
class RepliesController {

  static final String VIEW = "replies/list";
  static final int PAGE_SIZE = 50;

  private final ReplySearch search;
  private final GatewayAccounts accounts;
  private final AuditLog audit;
  private final Times times;
  private final Clock clock;

  RepliesController(
      ReplySearch search, AuditLog audit, Times times, Clock clock, GatewayAccounts accounts) {
    this.accounts = accounts;
    this.search = search;
    this.audit = audit;
    this.times = times;
    this.clock = clock;
  }

  @GetMapping("/replies")
  String list(
      @RequestParam(required = false) String mobile,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String before,
      Model model) {
    FilterInput input = new FilterInput();
    ReplyQuery query = ReplyQuery.read(input, mobile, q, from, to);
    PageCursor cursor = input.cursor("before", before);
    model.addAttribute("errors", input.errors());
    accountColumn(model);
    model.addAttribute("paged", cursor != null);
    if (!input.valid()) {
      model.addAttribute("replies", List.of());
      return VIEW;
    }
    KeysetPage<ReplyView> page = KeysetPage.read(PAGE_SIZE, n -> search.rows(query, cursor, n));
    model.addAttribute("replies", page.rows());
    model.addAttribute("nextBefore", page.next(r -> r.cursor().token()));
    return VIEW;
  }

  /** Every reply the page's filter matches, streamed in batches; bad input goes back to it. */
  @GetMapping("/replies/export")
  ResponseEntity<StreamingResponseBody> export(
      @RequestParam(required = false) String mobile,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      HttpServletRequest request) {
    FilterInput input = new FilterInput();
    ReplyQuery query = ReplyQuery.read(input, mobile, q, from, to);
    if (!input.valid()) {
      String back =
          request.getContextPath() + "/replies?" + Objects.toString(request.getQueryString(), "");
      return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(back)).build();
    }
    audit.record(AuditEntry.success(AuditAction.EXPORT, "replies").detail(describe(query)));
    long tenant = TenantContext.current(); // the stream is written on another thread
    return CsvDownload.of(
        "replies-" + LocalDate.now(clock.withZone(Times.ZONE)) + ".csv",
        List.of("received_at", "mobile", "content", "extno", "job_id", "opt_out"),
        (beforeId, limit) ->
            TenantContext.callAs(tenant, () -> search.rowsBelowId(query, beforeId, limit)),
        ReplyView::id,
        r ->
            Arrays.asList(
                times.format(r.receivedAt()),
                r.mobile(),
                r.content(),
                r.extno(),
                r.jobId(),
                r.optOut() ? "yes" : "no"));
  }

  /** The gateway account of each row, named when the tenant has more than one. */
  private void accountColumn(Model model) {
    Map<Long, String> names = accounts.names();
    model.addAttribute("accountNames", names);
    model.addAttribute("severalAccounts", names.size() > 1);
  }

  /** The filter in the audit log's detail: which rows left the portal. */
  private static String describe(ReplyQuery query) {
    StringJoiner filter = new StringJoiner(", ", "filter: ", "").setEmptyValue("all replies");
    if (query.mobile() != null) {
      filter.add("mobile " + query.mobile());
    }
    if (query.text() != null) {
      filter.add("text contains " + query.text());
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
