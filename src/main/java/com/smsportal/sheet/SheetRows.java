package com.smsportal.sheet;

import com.smsportal.sheet.RowSink.Stop;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows of an uploaded CSV or XLSX, one at a time with its line (the CSV's record number, the
 * sheet's row number: what a person sees in Excel), its cells stripped. Nothing is kept: 100,000
 * rows cost the memory of one. Within {@link SheetLimits}: the file's size, the workbook's guards,
 * at most {@link SheetLimits#MAX_ROWS} rows, {@link SheetLimits#MAX_COLUMNS} columns and {@link
 * SheetLimits#MAX_CELL_CHARS} characters a cell. A CSV is UTF-8 (with or without a byte-order mark)
 * or, when it is not valid UTF-8, GB18030 (what Excel writes on a Chinese Windows).
 */
public final class SheetRows {

  private SheetRows() {}

  /** By its name, or by the zip signature an XLSX starts with. */
  public static boolean isXlsx(String filename, byte[] bytes) {
    boolean named = filename != null && filename.toLowerCase(Locale.ROOT).endsWith(".xlsx");
    boolean zip = bytes.length > 3 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3;
    return named || zip;
  }

  /** Every non-empty row in order; the sink may stop early by throwing {@link Stop}. */
  public static void read(String filename, byte[] bytes, RowSink sink) throws SheetRefused {
    if (bytes.length > SheetLimits.MAX_FILE_BYTES) {
      throw new SheetRefused("sheet.error.tooLarge", bytes.length + " bytes");
    }
    RowSink limited = new Counted(sink);
    if (isXlsx(filename, bytes)) {
      Workbooks.rows(bytes, limited);
    } else {
      csv(bytes, limited);
    }
  }

  private static void csv(byte[] bytes, RowSink sink) throws SheetRefused {
    int start =
        bytes.length >= 3
                && bytes[0] == (byte) 0xEF
                && bytes[1] == (byte) 0xBB
                && bytes[2] == (byte) 0xBF
            ? 3
            : 0;
    Charset charset = isUtf8(bytes, start) ? StandardCharsets.UTF_8 : Charset.forName("GB18030");
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setDelimiter(delimiter(bytes, start))
            .setIgnoreEmptyLines(false)
            .get();
    try (Reader in =
            new InputStreamReader(
                new java.io.ByteArrayInputStream(bytes, start, bytes.length - start), charset);
        CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get()) {
      for (CSVRecord record : parser) {
        List<String> cells = new ArrayList<>(record.size());
        for (String cell : record) {
          if (cell.length() > SheetLimits.MAX_CELL_CHARS) {
            throw new SheetRefused(
                "send.error.fileCellTooLong",
                "a cell longer than Excel allows",
                String.valueOf(record.getRecordNumber()));
          }
          cells.add(cell.strip());
        }
        if (cells.stream().anyMatch(c -> !c.isEmpty())) {
          sink.row((int) record.getRecordNumber(), cells);
        }
      }
    } catch (Stop stop) {
      // the sink has what it wanted
    } catch (UncheckedIOException | IllegalStateException | IOException e) {
      if (e instanceof SheetRefused refused) {
        throw refused;
      }
      throw new SheetRefused("send.error.fileUnreadable", e.getClass().getSimpleName());
    }
  }

  /** A comma, unless the first line has a tab or a semicolon and no comma. */
  private static char delimiter(byte[] bytes, int start) {
    boolean tab = false;
    boolean semicolon = false;
    for (int i = start; i < bytes.length && bytes[i] != '\n'; i++) {
      if (bytes[i] == ',') {
        return ',';
      }
      tab |= bytes[i] == '\t';
      semicolon |= bytes[i] == ';';
    }
    return tab ? '\t' : semicolon ? ';' : ',';
  }

  private static boolean isUtf8(byte[] bytes, int start) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, start, bytes.length - start));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** Refuses a row beyond the limits, before the sink sees it. */
  private record Counted(RowSink sink, int[] rows) implements RowSink {

    Counted(RowSink sink) {
      this(sink, new int[1]);
    }

    @Override
    public void row(int line, List<String> cells) throws SheetRefused, Stop {
      if (++rows[0] > SheetLimits.MAX_ROWS) {
        throw new SheetRefused("sheet.error.tooManyRows", "more than " + SheetLimits.MAX_ROWS);
      }
      if (cells.size() > SheetLimits.MAX_COLUMNS) {
        throw new SheetRefused(
            "sheet.error.tooManyColumns", "too many columns", String.valueOf(line));
      }
      sink.row(line, cells);
    }
  }
}
