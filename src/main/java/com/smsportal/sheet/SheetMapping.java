package com.smsportal.sheet;

import com.smsportal.sheet.RowSink.Stop;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A spreadsheet with a header row, as a mapping page shows it and an import reads it (issue 24):
 * the contact import maps its columns to the mobile, the name and fields; a personalised send maps
 * them to the mobile and a template's placeholders. The same reading and the same page fragment
 * ({@code fragments/sheet :: mapping}) for both.
 *
 * <p>The header row is the first non-empty row; its names are made unique and never blank ("列 C"
 * style names are the page's: a blank header is {@code #3}, a repeated one {@code name #4}). {@link
 * #preview} reads it and at most {@link #PREVIEW_ROWS} rows after it, then stops reading; {@link
 * #forEachRow} streams every row after it as a map from header to cell, nothing kept.
 */
public final class SheetMapping {

  /** Rows shown under the header on the mapping page. */
  public static final int PREVIEW_ROWS = 20;

  /** The header and the first rows of a file. */
  public record Preview(List<String> header, List<Row> rows) {
    public Preview {
      header = List.copyOf(header);
      rows = List.copyOf(rows);
    }

    /** The header's column at this index (0-based), or null beyond it. */
    public String column(int index) {
      return index >= 0 && index < header.size() ? header.get(index) : null;
    }
  }

  /** A row under the header: its line in the file and its cells by column (0-based). */
  public record Row(int line, List<String> cells) {
    public Row {
      cells = List.copyOf(cells);
    }

    /** The cell in this column, empty when the row is shorter. */
    public String cell(int index) {
      return index >= 0 && index < cells.size() ? cells.get(index) : "";
    }

    /** The row as header name to cell, in the header's order (every header present). */
    public Map<String, String> values(List<String> header) {
      Map<String, String> values = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        values.put(header.get(i), cell(i));
      }
      return Collections.unmodifiableMap(values);
    }
  }

  /** Receives the rows of {@link #forEachRow}. */
  @FunctionalInterface
  public interface RowConsumer {
    void accept(Row row) throws SheetRefused;
  }

  private SheetMapping() {}

  /**
   * The header and the first {@link #PREVIEW_ROWS} rows.
   *
   * @throws SheetRefused beyond the limits, unreadable, or without any row ({@code
   *     sheet.error.noHeader})
   */
  public static Preview preview(String filename, byte[] bytes) throws SheetRefused {
    List<String> header = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    SheetRows.read(
        filename,
        bytes,
        (line, cells) -> {
          if (header.isEmpty()) {
            header.addAll(headerNames(cells));
            return;
          }
          if (rows.size() == PREVIEW_ROWS) {
            throw new Stop();
          }
          rows.add(new Row(line, cells));
        });
    if (header.isEmpty()) {
      throw new SheetRefused("sheet.error.noHeader", "no header row");
    }
    return new Preview(header, rows);
  }

  /**
   * Every row after the header row, in order, streamed (the header is {@link Preview#header} of the
   * same file).
   */
  public static void forEachRow(String filename, byte[] bytes, RowConsumer consumer)
      throws SheetRefused {
    boolean[] headerSeen = {false};
    SheetRows.read(
        filename,
        bytes,
        (line, cells) -> {
          if (!headerSeen[0]) {
            headerSeen[0] = true;
            return;
          }
          consumer.accept(new Row(line, cells));
        });
  }

  /**
   * Unique and never blank: a blank header is {@code #n} (its column), a repeat {@code name #n}.
   */
  static List<String> headerNames(List<String> cells) {
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < cells.size(); i++) {
      String name = cells.get(i).strip();
      if (name.isEmpty()) {
        name = "#" + (i + 1);
      }
      if (!seen.add(name)) {
        name = name + " #" + (i + 1);
        seen.add(name);
      }
      names.add(name);
    }
    return names;
  }
}
