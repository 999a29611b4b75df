package com.smsportal.audit;

import com.smsportal.web.CsvDownload;
import com.smsportal.web.KeysetPage;
import com.smsportal.web.Times;
import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The administrators' view of the audit log: filter, page by keyset, export. */
@Controller
class AuditController {

  static final String VIEW = "audit/list";
  static final int PAGE_SIZE = 50;

  private final AuditSearch search;
  private final AuditLog log;
  private final Times times;
  private final AuditDetails details;
  private final MessageSource messages;

  AuditController(
      AuditSearch search, AuditLog log, Times times, AuditDetails details, MessageSource messages) {
    this.search = search;
    this.log = log;
    this.times = times;
    this.details = details;
    this.messages = messages;
  }

  @GetMapping("/admin/audit")
  String list(@Valid @ModelAttribute("query") AuditQuery query, BindingResult errors, Model model) {
    model.addAttribute("actions", AuditAction.values());
    if (errors.hasErrors()) {
      model.addAttribute("events", List.of());
      return VIEW;
    }
    KeysetPage<AuditRecord> page =
        KeysetPage.read(PAGE_SIZE, n -> search.page(query, query.before(), n));
    model.addAttribute("events", page.rows());
    model.addAttribute("nextBefore", page.next(AuditRecord::id));
    return VIEW;
  }

  /** The same filter as the page, every matching event, streamed in batches: memory stays flat. */
  @GetMapping("/admin/audit/export")
  ResponseEntity<StreamingResponseBody> export(@Valid AuditQuery query, BindingResult errors) {
    if (errors.hasErrors()) {
      return ResponseEntity.badRequest().build();
    }
    log.record(AuditEntry.success(AuditAction.EXPORT, AuditDetail.of("audit.target.auditLog")));
    return CsvDownload.of(
        "audit-log.csv",
        CsvDownload.header(
            messages,
            List.of(
                "export.col.id",
                "audit.col.time",
                "audit.col.actor",
                "export.col.role",
                "audit.col.tenant",
                "audit.col.action",
                "audit.col.target",
                "audit.col.outcome",
                "audit.col.ip",
                "export.col.detail")),
        (before, limit) -> search.page(query, before, limit),
        AuditRecord::id,
        r ->
            Arrays.asList(
                r.id(),
                times.format(r.occurredAt()),
                r.actor(),
                r.actorRole() == null ? null : CsvDownload.label(messages, "role." + r.actorRole()),
                r.tenantName(),
                CsvDownload.label(messages, "audit.action." + r.action()),
                details.text(r.target()),
                CsvDownload.label(messages, "audit.outcome." + r.outcome()),
                r.clientIp(),
                details.text(r.detail())));
  }
}
