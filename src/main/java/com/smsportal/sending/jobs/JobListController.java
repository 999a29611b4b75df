package com.smsportal.sending.jobs;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditDetail;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.sending.JobPhase;
import com.smsportal.sending.JobProgress;
import com.smsportal.sending.SendJobs;
import com.smsportal.sending.store.JobFilter;
import com.smsportal.sending.store.JobListRow;
import com.smsportal.sending.store.JobListSearch;
import com.smsportal.tenant.TenantContext;
import com.smsportal.web.CsvDownload;
import com.smsportal.web.KeysetList;
import com.smsportal.web.PageCursor;
import com.smsportal.web.Times;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The tenant's send jobs: filter ({@link JobFilter}: {@code from}, {@code to}, {@code phase},
 * {@code account}, {@code q}), page by keyset newest first ({@code before}), export what is
 * filtered; the same shape as the receipts and replies lists.
 */
@Controller
class JobListController {

  static final String VIEW = "send/jobs";
  static final int PAGE_SIZE = 50;

  private final KeysetList<JobFilter, JobListRow> list;
  private final AuditLog audit;
  private final SendJobs jobs;

  JobListController(
      JobListSearch search,
      SendJobs jobs,
      GatewayAccounts accounts,
      AuditLog audit,
      Times times,
      Clock clock,
      MessageSource messages) {
    this.audit = audit;
    this.jobs = jobs;
    this.list =
        new KeysetList<>(
            "/jobs",
            "jobs",
            PAGE_SIZE,
            input -> JobFilter.read(input, accounts.names().keySet()),
            named(search, accounts),
            accounts::names,
            new KeysetList.Csv<>(
                clock,
                messages,
                List.of(
                    "export.col.jobId",
                    "export.col.createdAt",
                    "export.col.content",
                    "export.col.createdBy",
                    "export.col.account",
                    "export.col.numbers",
                    "export.col.billedSegments",
                    "export.col.phase",
                    "export.col.delivered",
                    "export.col.failed",
                    "export.col.unknown",
                    "export.col.awaiting"),
                row -> cells(row, times, messages)));
  }

  /**
   * The search's rows with their gateway accounts' names, read once per page or export batch (in
   * the batch's tenant, on the thread that writes the export).
   */
  private static KeysetList.Rows<JobFilter, JobListRow> named(
      JobListSearch search, GatewayAccounts accounts) {
    return new KeysetList.Rows<>() {
      @Override
      public List<JobListRow> page(JobFilter filter, PageCursor before, int limit) {
        return named(search.page(filter, before, limit));
      }

      @Override
      public List<JobListRow> pageBelowId(JobFilter filter, Long beforeId, int limit) {
        return named(search.pageBelowId(filter, beforeId, limit));
      }

      private List<JobListRow> named(List<JobListRow> rows) {
        if (rows.isEmpty()) {
          return rows;
        }
        Map<Long, String> names = accounts.names();
        return rows.stream().map(r -> r.named(names)).toList();
      }
    };
  }

  private static List<?> cells(JobListRow row, Times times, MessageSource messages) {
    JobProgress p = row.progress();
    return Arrays.asList(
        row.id(),
        times.format(row.job().createdAt()),
        row.job().content(),
        row.job().createdBy(),
        row.accountName(),
        row.job().numberCount(),
        row.billedSegments(),
        CsvDownload.label(messages, "jobs.phase." + p.phase().name()),
        p.delivered(),
        p.failed(),
        p.unknown(),
        p.awaiting());
  }

  @GetMapping("/jobs")
  String list(HttpServletRequest request, Model model) {
    JobFilter filter = list.show(request, model);
    model.addAttribute("phaseFilter", filter.phaseFilter());
    model.addAttribute("accountFilter", filter.accountId());
    model.addAttribute("narrowed", filter.narrows());
    model.addAttribute("phases", JobPhase.values());
    model.addAttribute("jobCount", jobs.count());
    return VIEW;
  }

  /** Every job the page's filter matches, streamed in batches; bad input goes back to it. */
  @GetMapping("/jobs/export")
  ResponseEntity<StreamingResponseBody> export(HttpServletRequest request) {
    long tenant = TenantContext.current(); // the stream is written on another thread
    return list.export(
        request,
        filter ->
            audit.record(
                AuditEntry.success(AuditAction.EXPORT, AuditDetail.of("audit.target.jobs"))
                    .detail(filter.describe())),
        batch -> TenantContext.callAs(tenant, batch));
  }
}
