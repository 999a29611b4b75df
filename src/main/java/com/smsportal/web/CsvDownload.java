package com.smsportal.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A CSV download of every row a keyset-paged query yields, fetched and written batch by batch so
 * that memory stays flat however many rows there are.
 */
public final class CsvDownload {

  public static final int BATCH = 1000;

  private CsvDownload() {}

  /**
   * @param page the rows after the cursor (null for the first batch), at most the given limit
   * @param cursorOf the cursor a row leaves for the next batch
   * @param row the cells of one row
   */
  public static <T> ResponseEntity<StreamingResponseBody> of(
      String filename,
      List<String> header,
      BiFunction<Long, Integer, List<T>> page,
      Function<T, Long> cursorOf,
      Function<T, List<?>> row) {
    StreamingResponseBody body =
        out -> {
          CsvWriter csv = new CsvWriter(out);
          csv.row(header);
          Long cursor = null;
          List<T> batch;
          do {
            batch = page.apply(cursor, BATCH);
            for (T item : batch) {
              csv.row(row.apply(item));
            }
            csv.flush();
            if (!batch.isEmpty()) {
              cursor = cursorOf.apply(batch.get(batch.size() - 1));
            }
          } while (batch.size() == BATCH);
          csv.flush();
        };
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(filename).build().toString())
        .body(body);
  }
}
