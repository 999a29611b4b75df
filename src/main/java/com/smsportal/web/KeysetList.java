package com.smsportal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A list page with a filter, read a keyset page at a time newest first, and the CSV export of the
 * same filter: what the receipts and replies pages share. Their controllers keep their routes and
 * templates and state only what differs: the filter (read with {@link FilterInput}, each field by
 * its parameter's name), where the rows come from, the CSV's columns, and what an export records.
 *
 * <p>The page's model: {@code errors} (field to message key: bad input is explained next to its
 * field, and no query runs), the rows under the list's name, {@code nextBefore} (the cursor of the
 * "older" link, see the pager fragment), {@code paged} (not the first page), and each row's gateway
 * account ({@code accountNames}, shown when {@code severalAccounts}).
 *
 * @param <Q> the filter once read
 * @param <V> a row as the page and the export show it
 */
public final class KeysetList<Q, V extends KeysetList.Row> {

  /** The parameter of the "older" link: where the page starts. */
  public static final String CURSOR = "before";

  /** A row of such a list: where a page that ends on it stops, and its id for the export. */
  public interface Row {
    long id();

    PageCursor cursor();
  }

  /** Where the rows come from, newest first. */
  public interface Rows<Q, V> {

    /** At most {@code limit} rows strictly older than the cursor (null: the newest). */
    List<V> page(Q query, PageCursor before, int limit);

    /** The same below the row with this id (null: the newest): the export's batches carry an id. */
    List<V> pageBelowId(Q query, Long beforeId, int limit);

    /**
     * The export's next batch: at most {@code limit} rows after {@code last}, the last row of the
     * batch before (null: from the newest). By default {@link #pageBelowId} of its id; a list with
     * many rows reads it straight from its cursor ({@link NewestFirstRows}).
     */
    default List<V> exportAfter(Q query, Row last, int limit) {
      return pageBelowId(query, last == null ? null : last.id(), limit);
    }
  }

  /**
   * The export: a file {@code <list's name>-<today in China>.csv} with this header (message keys,
   * written in the reader's language) and a row's cells (see {@link CsvDownload}).
   */
  public record Csv<V>(
      Clock clock, MessageSource messages, List<String> header, Function<V, List<?>> cells) {}

  private final String path;
  private final String name;
  private final int pageSize;
  private final Function<FilterInput, Q> filter;
  private final Rows<Q, V> rows;
  private final Supplier<Map<Long, String>> accountNames;
  private final Csv<V> csv;

  /**
   * @param path the page's path (the export's is {@code <path>/export})
   * @param name the rows' name in the model and the export's file
   * @param filter reads the filter's fields; what cannot be read it reports to the input
   * @param accountNames the names of the tenant's gateway accounts by id
   */
  public KeysetList(
      String path,
      String name,
      int pageSize,
      Function<FilterInput, Q> filter,
      Rows<Q, V> rows,
      Supplier<Map<Long, String>> accountNames,
      Csv<V> csv) {
    this.path = path;
    this.name = name;
    this.pageSize = pageSize;
    this.filter = filter;
    this.rows = rows;
    this.accountNames = accountNames;
    this.csv = csv;
  }

  /**
   * Puts the page the request asks for into the model; returns its filter, for what else the page
   * shows of it.
   */
  public Q show(HttpServletRequest request, Model model) {
    FilterInput input = FilterInput.of(request);
    Q query = filter.apply(input);
    PageCursor cursor = input.cursor(CURSOR);
    model.addAttribute("errors", input.errors());
    Map<Long, String> names = accountNames.get();
    model.addAttribute("accountNames", names);
    model.addAttribute("severalAccounts", names.size() > 1);
    model.addAttribute("paged", cursor != null);
    if (!input.valid()) {
      model.addAttribute(name, List.of());
      return query;
    }
    KeysetPage<V> page = KeysetPage.read(pageSize, n -> rows.page(query, cursor, n));
    model.addAttribute(name, page.rows());
    model.addAttribute("nextBefore", page.next(r -> r.cursor().token()));
    return query;
  }

  /**
   * Every row the page's filter matches, streamed in batches; bad input sends the person back to
   * the page with the same parameters (303 See Other), where it is explained.
   *
   * @param exported called with the filter once it is read and before anything is written (the
   *     audit log)
   * @param onStreamThread runs each batch's query on the thread that writes the answer, not the
   *     request's: with what the query needs of the request (its tenant)
   */
  public ResponseEntity<StreamingResponseBody> export(
      HttpServletRequest request,
      Consumer<Q> exported,
      Function<Supplier<List<V>>, List<V>> onStreamThread) {
    FilterInput input = FilterInput.of(request);
    Q query = filter.apply(input);
    if (!input.valid()) {
      String back =
          request.getContextPath() + path + "?" + Objects.toString(request.getQueryString(), "");
      return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(back)).build();
    }
    exported.accept(query);
    return CsvDownload.<V, V>of(
        name + "-" + LocalDate.now(csv.clock().withZone(Times.ZONE)) + ".csv",
        CsvDownload.header(csv.messages(), csv.header()),
        (last, limit) -> onStreamThread.apply(() -> rows.exportAfter(query, last, limit)),
        row -> row,
        csv.cells());
  }
}
