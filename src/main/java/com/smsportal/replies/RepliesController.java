package com.smsportal.replies;

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
 * The tenant's inbound replies: filter ({@link ReplyQuery}: {@code mobile}, {@code q}, {@code
 * from}, {@code to}), page by keyset newest first ({@code before}), export what is filtered.
 */
@Controller
class RepliesController {

  static final String VIEW = "replies/list";
  static final int PAGE_SIZE = 50;

  private final KeysetList<ReplyQuery, ReplyView> list;
  private final AuditLog audit;

  RepliesController(
      ReplySearch search,
      AuditLog audit,
      Times times,
      Clock clock,
      GatewayAccounts accounts,
      MessageSource messages) {
    this.audit = audit;
    this.list =
        new KeysetList<>(
            "/replies",
            "replies",
            PAGE_SIZE,
            ReplyQuery::read,
            search,
            accounts::names,
            new KeysetList.Csv<>(
                clock,
                messages,
                List.of(
                    "export.col.receivedAt",
                    "export.col.mobile",
                    "export.col.content",
                    "export.col.extno",
                    "export.col.jobId",
                    "export.col.optOut"),
                r ->
                    Arrays.asList(
                        times.format(r.receivedAt()),
                        r.mobile(),
                        r.content(),
                        r.extno(),
                        r.jobId(),
                        CsvDownload.label(
                            messages, r.optOut() ? "export.value.yes" : "export.value.no"))));
  }

  @GetMapping("/replies")
  String list(HttpServletRequest request, Model model) {
    list.show(request, model);
    return VIEW;
  }

  /** Every reply the page's filter matches, streamed in batches; bad input goes back to it. */
  @GetMapping("/replies/export")
  ResponseEntity<StreamingResponseBody> export(HttpServletRequest request) {
    long tenant = TenantContext.current(); // the stream is written on another thread
    return list.export(
        request,
        query ->
            audit.record(
                AuditEntry.success(AuditAction.EXPORT, AuditDetail.of("audit.target.replies"))
                    .detail(query.describe())),
        batch -> TenantContext.callAs(tenant, batch));
  }
}
