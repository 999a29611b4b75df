package com.smsportal.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A CSV download of every row a keyset-paged query yields, fetched and written batch by batch so
 * that memory stays flat however many rows there are. For Excel users in China: UTF-8 with a
 * byte-order mark (so Excel reads Chinese correctly), RFC 4180 (Commons CSV), and cells that Excel
 * would run as a formula defused with a leading quote. The rows are written on another thread with
 * the request's language, so that a row's labels come from the bundles in the reader's language.
 */
public final class CsvDownload {

  public static final int BATCH = 1000;

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private CsvDownload() {}

  /**
   * @param page the rows after the cursor (null for the first batch), at most the given limit
   * @param cursorOf the cursor a row leaves for the next batch
   * @param row the cells of one row
   * @param <C> the cursor: an id, or the last row itself
   */
  public static <T, C> ResponseEntity<StreamingResponseBody> of(
      String filename,
      List<String> header,
      BiFunction<C, Integer, List<T>> page,
      Function<T, C> cursorOf,
      Function<T, List<?>> row) {
    LocaleContext language = LocaleContextHolder.getLocaleContext();
    StreamingResponseBody body =
        out -> {
          LocaleContextHolder.setLocaleContext(language);
          try {
            write(out, header, page, cursorOf, row);
          } finally {
            LocaleContextHolder.resetLocaleContext();
          }
        };
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(filename).build().toString())
        .body(body);
  }

  private static <T, C> void write(
      OutputStream out,
      List<String> header,
      BiFunction<C, Integer, List<T>> page,
      Function<T, C> cursorOf,
      Function<T, List<?>> row)
      throws IOException {
    CSVPrinter csv = printer(out);
    csv.printRecord(header);
    C cursor = null;
    List<T> batch;
    do {
      batch = page.apply(cursor, BATCH);
      for (T item : batch) {
        csv.printRecord(row.apply(item).stream().map(CsvDownload::defused));
      }
      csv.flush();
      if (!batch.isEmpty()) {
        cursor = cursorOf.apply(batch.get(batch.size() - 1));
      }
    } while (batch.size() == BATCH && !NoInterruptExecutor.cancelled());
    csv.flush();
  }

  /** A header's message keys in the reader's language. */
  public static List<String> header(MessageSource messages, List<String> keys) {
    return keys.stream()
        .map(k -> messages.getMessage(k, null, k, LocaleContextHolder.getLocale()))
        .toList();
  }

  /**
   * A label of the bundles in the reader's language: for a row's cell (a state, yes or no), so that
   * every export spells a value as its page does.
   */
  public static String label(MessageSource messages, String key, Object... args) {
    return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
  }

  /** The byte-order mark, then a printer of RFC 4180 records (CRLF, quotes only where needed). */
  static CSVPrinter printer(OutputStream out) throws IOException {
    out.write(BOM);
    return new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.RFC4180);
  }

  /**
   * A cell that Excel would take for a formula (=, +, -, @, tab, carriage return first) gets a
   * leading quote, so a number or reply text from outside cannot run in the reader's Excel.
   */
  static String defused(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
  }
}
