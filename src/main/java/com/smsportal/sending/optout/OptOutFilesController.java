package com.smsportal.sending.optout;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditDetail;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.sending.OptOutView;
import com.smsportal.sending.OptOuts;
import com.smsportal.sending.compose.NumberFile;
import com.smsportal.tenant.TenantContext;
import com.smsportal.web.CsvDownload;
import com.smsportal.web.Times;
import java.io.IOException;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The opt-out list as a file: its CSV export (the page's filter, in the reader's language, like
 * every export) and the import of a CSV or TXT of numbers, whose result the list page shows.
 */
@Controller
class OptOutFilesController {

  private final OptOuts optOuts;
  private final OptOutImport imports;
  private final AuditLog audit;
  private final Times times;
  private final MessageSource messages;

  OptOutFilesController(
      OptOuts optOuts, OptOutImport imports, AuditLog audit, Times times, MessageSource messages) {
    this.optOuts = optOuts;
    this.imports = imports;
    this.audit = audit;
    this.times = times;
    this.messages = messages;
  }

  @GetMapping("/optouts/export")
  ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String mobile) {
    audit.record(
        AuditEntry.success(AuditAction.EXPORT, AuditDetail.of("audit.target.optOuts"))
            .detail(AuditDetail.filter("optouts.col.mobile", blankToNull(mobile))));
    long tenant = TenantContext.current(); // the stream is written on another thread
    return CsvDownload.of(
        "optouts.csv",
        CsvDownload.header(
            messages,
            List.of(
                "export.col.mobile", "export.col.source", "export.col.note", "export.col.addedAt")),
        (before, limit) -> TenantContext.callAs(tenant, () -> optOuts.page(mobile, before, limit)),
        OptOutView::id,
        o ->
            List.of(
                o.mobile(),
                CsvDownload.label(messages, "optouts.source." + o.source().name()),
                o.note() == null ? "" : o.note(),
                times.format(o.createdAt())));
  }

  /** Adds the file's numbers; a refused file (type, size, empty) changes nothing. */
  @PostMapping("/optouts/import")
  String importFile(
      @RequestParam(name = "file", required = false) MultipartFile file,
      RedirectAttributes redirect)
      throws IOException {
    String name = file == null ? "" : file.getOriginalFilename();
    if (name == null || name.isBlank()) {
      redirect.addFlashAttribute("importError", "optouts.import.error.noFile");
      return "redirect:/optouts";
    }
    try {
      if (file.getSize() > NumberFile.MAX_FILE_BYTES) {
        throw new OptOutFile.Refused("optouts.import.error.tooLarge", null);
      }
      List<OptOutFile.Entry> entries = OptOutFile.read(name, file.getBytes());
      redirect.addFlashAttribute("imported", imports.importEntries(name, entries));
    } catch (OptOutFile.Refused refused) {
      redirect.addFlashAttribute("importError", refused.messageKey());
      redirect.addFlashAttribute("importErrorArg", refused.argument());
    }
    return "redirect:/optouts";
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
