package com.smsportal.statements;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditDetail;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.gatewayaccount.GatewayAccountView;
import com.smsportal.web.CsvDownload;
import com.smsportal.web.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A statement as a file, with the page's parameters: {@code /statements/export.xlsx} ({@link
 * StatementWorkbook}) and {@code /statements/export.csv} (UTF-8 with a byte-order mark, {@link
 * CsvDownload}), named {@code statement-<account>-<yyyy-MM>}, the same columns and rows as the
 * page's table with its totals. A parameter that cannot be read answers 400 with the page's message
 * as text; an account the user may not see, 404. Each download is audited with the account's
 * tenant.
 */
@Controller
class StatementExportController {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final Statements statements;
  private final MessageSource messages;
  private final AuditLog audit;
  private final java.time.Clock clock;

  StatementExportController(
      Statements statements, MessageSource messages, AuditLog audit, java.time.Clock clock) {
    this.statements = statements;
    this.messages = messages;
    this.audit = audit;
    this.clock = clock;
  }

  @GetMapping("/statements/export.xlsx")
  ResponseEntity<StreamingResponseBody> xlsx(
      @RequestParam(required = false) String account,
      @RequestParam(required = false) String month) {
    StatementRequest request = StatementRequest.read(account, month, clock);
    if (!request.valid()) {
      return refused(request);
    }
    MonthStatement statement = statement(request);
    Function<String, String> label = label();
    StreamingResponseBody body = out -> StatementWorkbook.write(statement, out, label);
    return ResponseEntity.ok()
        .contentType(XLSX)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(filename(statement, "xlsx"))
                .build()
                .toString())
        .body(body);
  }

  @GetMapping("/statements/export.csv")
  ResponseEntity<StreamingResponseBody> csv(
      @RequestParam(required = false) String account,
      @RequestParam(required = false) String month) {
    StatementRequest request = StatementRequest.read(account, month, clock);
    if (!request.valid()) {
      return refused(request);
    }
    MonthStatement statement = statement(request);
    Function<String, String> label = label();
    List<String> header = StatementColumn.headerKeys().stream().map(label).toList();
    List<StatementDay> rows = new ArrayList<>(statement.days());
    rows.add(statement.totals());
    String total = label.apply(StatementColumn.TOTAL);
    return CsvDownload.of(
        filename(statement, "csv"),
        header,
        (before, limit) -> before == null ? rows : List.of(),
        day -> 1L,
        day -> cells(day, total));
  }

  private static List<?> cells(StatementDay day, String total) {
    List<Object> cells = new ArrayList<>();
    cells.add(day.day() == null ? total : day.day().toString());
    for (StatementColumn column : StatementColumn.values()) {
      cells.add(column.of(day));
    }
    return cells;
  }

  /** The statement asked for, audited; the portal's 404 for an account the user may not see. */
  private MonthStatement statement(StatementRequest request) {
    GatewayAccountView account =
        statements
            .chosen(request.accountId(), statements.options())
            .orElseThrow(NotFoundException::new);
    MonthStatement statement = statements.of(account, request.month());
    audit.record(
        AuditEntry.success(
                AuditAction.EXPORT,
                AuditDetail.of(
                    "audit.target.statement",
                    account.id(),
                    account.name(),
                    request.month().format(StatementRequest.MONTH)))
            .tenant(account.tenantId(), statement.tenantName()));
    return statement;
  }

  /** The reader's language, fixed now: the file is written on another thread. */
  private Function<String, String> label() {
    java.util.Locale locale = LocaleContextHolder.getLocale();
    return key -> messages.getMessage(key, null, key, locale);
  }

  private ResponseEntity<StreamingResponseBody> refused(StatementRequest request) {
    Function<String, String> label = label();
    String text =
        String.join(
            "\n", request.errors().values().stream().map(label).toList().toArray(String[]::new));
    byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
    return ResponseEntity.status(HttpStatus.BAD_REQUEST)
        .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
        .body(out -> out.write(bytes));
  }

  private static String filename(MonthStatement statement, String extension) {
    return "statement-"
        + statement.account().id()
        + "-"
        + statement.month().format(StatementRequest.MONTH)
        + "."
        + extension;
  }
}
