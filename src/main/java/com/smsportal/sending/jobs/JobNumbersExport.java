package com.smsportal.sending.jobs;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditDetail;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.sending.NumberState;
import com.smsportal.sending.NumberView;
import com.smsportal.sending.SendJobs;
import com.smsportal.tenant.TenantContext;
import com.smsportal.web.CsvDownload;
import com.smsportal.web.NotFoundException;
import com.smsportal.web.Times;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A job's numbers and their outcome, as filtered on the job page, streamed as CSV in the reader's
 * language: each state spelt as the page spells it.
 */
@Controller
class JobNumbersExport {

  private final SendJobs jobs;
  private final AuditLog audit;
  private final Times times;
  private final MessageSource messages;

  JobNumbersExport(SendJobs jobs, AuditLog audit, Times times, MessageSource messages) {
    this.jobs = jobs;
    this.audit = audit;
    this.times = times;
    this.messages = messages;
  }

  @GetMapping("/jobs/{id}/export")
  ResponseEntity<StreamingResponseBody> export(
      @PathVariable long id,
      @RequestParam(required = false) NumberState state,
      @RequestParam(required = false) String mobile) {
    boolean personalised = jobs.find(id).orElseThrow(NotFoundException::new).personalised();
    audit.record(
        AuditEntry.success(AuditAction.EXPORT, AuditDetail.of("audit.target.jobNumbers", id)));
    long tenant = TenantContext.current(); // the stream is written on another thread
    return CsvDownload.of(
        "job-" + id + ".csv",
        CsvDownload.header(messages, personalised ? withText(COLUMNS) : COLUMNS),
        (after, limit) ->
            TenantContext.callAs(
                tenant, () -> jobs.numbers(id, state, mobile, after == null ? 0 : after, limit)),
        NumberView::id,
        n -> {
          List<String> row =
              List.of(
                  n.mobile(),
                  CsvDownload.label(messages, "jobs.number." + n.state().name()),
                  n.carrierCode() == null ? "" : n.carrierCode(),
                  n.reportedAt() == null ? "" : times.format(n.reportedAt()));
          // A personalised job's numbers each with the text it was sent (issue 24).
          return personalised ? withText(row, n.text() == null ? "" : n.text()) : row;
        });
  }

  private static final List<String> COLUMNS =
      List.of(
          "export.col.mobile",
          "export.col.status",
          "export.col.carrierCode",
          "export.col.reportedAt");

  private static List<String> withText(List<String> columns) {
    return withText(columns, "export.col.text");
  }

  private static List<String> withText(List<String> row, String last) {
    List<String> all = new java.util.ArrayList<>(row);
    all.add(last);
    return all;
  }
}
