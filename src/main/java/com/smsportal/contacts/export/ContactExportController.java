package com.smsportal.contacts.export;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditDetail;
import com.smsportal.contacts.book.ContactAudit;
import com.smsportal.contacts.book.ContactFilter;
import com.smsportal.contacts.book.ContactQueries;
import com.smsportal.contacts.book.ContactView;
import com.smsportal.tenant.TenantContext;
import com.smsportal.web.CsvDownload;
import com.smsportal.web.Times;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The address book as a file, for the list's search: a CSV with a byte-order mark ({@link
 * CsvDownload}) or an XLSX written as a stream (POI's SXSSF: 100 rows in memory, the rest on disk).
 * Columns: the number, the name, the groups, then one per field key (sorted), the header in the
 * reader's language; a file the import reads back.
 */
@Controller
class ContactExportController {

  static final int BATCH = 1000;
  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final ContactQueries queries;
  private final ContactAudit audit;
  private final MessageSource messages;
  private final Clock clock;

  ContactExportController(
      ContactQueries queries, ContactAudit audit, MessageSource messages, Clock clock) {
    this.queries = queries;
    this.audit = audit;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/contacts/export")
  ResponseEntity<StreamingResponseBody> csv(
      @RequestParam(required = false) String q, @RequestParam(required = false) Long group) {
    ContactFilter filter = new ContactFilter(q, group);
    List<String> keys = List.copyOf(queries.fieldKeys(filter));
    recordExport(filter);
    long tenant = TenantContext.current(); // the stream is written on another thread
    return CsvDownload.of(
        filename("csv"),
        header(keys),
        (before, limit) -> TenantContext.callAs(tenant, () -> queries.page(filter, before, limit)),
        ContactView::id,
        c -> cells(c, keys));
  }

  @GetMapping("/contacts/export.xlsx")
  ResponseEntity<StreamingResponseBody> xlsx(
      @RequestParam(required = false) String q, @RequestParam(required = false) Long group) {
    ContactFilter filter = new ContactFilter(q, group);
    List<String> keys = List.copyOf(queries.fieldKeys(filter));
    recordExport(filter);
    long tenant = TenantContext.current();
    List<String> header = header(keys);
    LocaleContext language = LocaleContextHolder.getLocaleContext();
    StreamingResponseBody body =
        out -> {
          LocaleContextHolder.setLocaleContext(language);
          try {
            TenantContext.runAs(tenant, () -> writeXlsx(out, header, filter, keys));
          } finally {
            LocaleContextHolder.resetLocaleContext();
          }
        };
    return ResponseEntity.ok()
        .contentType(XLSX)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(filename("xlsx")).build().toString())
        .body(body);
  }

  private void writeXlsx(
      OutputStream out, List<String> header, ContactFilter filter, List<String> keys) {
    SXSSFWorkbook workbook = new SXSSFWorkbook(100);
    try {
      Sheet sheet = workbook.createSheet("contacts");
      int r = 0;
      write(sheet.createRow(r++), header);
      Long before = null;
      List<ContactView> batch;
      do {
        batch = queries.page(filter, before, BATCH);
        for (ContactView contact : batch) {
          write(sheet.createRow(r++), cells(contact, keys));
        }
        if (!batch.isEmpty()) {
          before = batch.get(batch.size() - 1).id();
        }
      } while (batch.size() == BATCH);
      workbook.write(out);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } finally {
      workbook.dispose();
      try {
        workbook.close();
      } catch (IOException ignored) {
        // the temporary files are disposed above
      }
    }
  }

  /** Every cell as text: a number stays its 11 digits, never Excel's 1.38E+10. */
  private static void write(Row row, List<?> cells) {
    for (int i = 0; i < cells.size(); i++) {
      row.createCell(i).setCellValue(String.valueOf(cells.get(i)));
    }
  }

  private List<String> header(List<String> keys) {
    List<String> header =
        new ArrayList<>(
            CsvDownload.header(
                messages,
                List.of("export.col.mobile", "contacts.col.name", "contacts.col.groups")));
    keys.forEach(k -> header.add("=+-@".indexOf(k.charAt(0)) >= 0 ? "'" + k : k));
    return header;
  }

  private static List<?> cells(ContactView contact, List<String> keys) {
    List<String> cells = new ArrayList<>();
    cells.add(contact.mobile());
    cells.add(contact.name());
    cells.add(String.join("; ", contact.groups()));
    keys.forEach(k -> cells.add(contact.fields().getOrDefault(k, "")));
    return cells;
  }

  private void recordExport(ContactFilter filter) {
    audit.record(
        AuditAction.EXPORT,
        AuditDetail.of("audit.target.contacts"),
        AuditDetail.filter("contacts.search", filter.q(), "contacts.col.groups", filter.group()));
  }

  private String filename(String extension) {
    return "contacts-" + LocalDate.now(clock.withZone(Times.ZONE)) + "." + extension;
  }
}
