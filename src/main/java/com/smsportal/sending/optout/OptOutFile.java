package com.smsportal.sending.optout;

import com.smsportal.sending.compose.NumberFile;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The entries of an uploaded opt-out file, each with its line: a CSV or TXT, one number per line,
 * or a CSV whose header names a column {@code mobile} / {@code 手机号码} (so the list's own export
 * reads back in), else the first cell of each line. Read by the send upload's reader ({@link
 * NumberFile}: its size limit, its byte-order mark); a file that is not UTF-8 is read as GB18030,
 * which Excel in China saves CSV in.
 */
final class OptOutFile {

  static final Set<String> TYPES = Set.of("csv", "txt");

  /** Header names of the number column, lower case: ours in both languages and the common ones. */
  static final Set<String> MOBILE_HEADERS =
      Set.of("mobile", "mobile number", "phone", "手机号码", "手机号", "号码");

  private static final Charset GB18030 = Charset.forName("GB18030");

  /** One non-blank entry of the file and its line (1 for the first). */
  record Entry(int line, String text) {}

  /** A file refused as a whole, with the reason's message key (and argument): nothing is added. */
  static final class Refused extends Exception {
    private final String messageKey;
    private final String argument;

    Refused(String messageKey, String argument) {
      super(messageKey);
      this.messageKey = messageKey;
      this.argument = argument;
    }

    String messageKey() {
      return messageKey;
    }

    String argument() {
      return argument;
    }
  }

  private OptOutFile() {}

  static List<Entry> read(String filename, byte[] bytes) throws Refused {
    String name = filename == null ? "" : filename;
    int dot = name.lastIndexOf('.');
    String type = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    if (!TYPES.contains(type) || binary(bytes)) {
      throw new Refused("optouts.import.error.type", name);
    }
    if (bytes.length > NumberFile.MAX_FILE_BYTES) {
      throw new Refused("optouts.import.error.tooLarge", null);
    }
    String text;
    try {
      text = NumberFile.text(name, bytes);
    } catch (NumberFile.Refused refused) {
      throw new Refused("optouts.import.error.tooLarge", null);
    }
    if (text.indexOf('\uFFFD') >= 0) {
      text = new String(bytes, GB18030);
    }
    List<Entry> entries = entries(text);
    if (entries.isEmpty()) {
      throw new Refused("optouts.import.error.empty", name);
    }
    return entries;
  }

  private static List<Entry> entries(String text) {
    String[] lines = text.split("\r\n|\r|\n", -1);
    List<Entry> entries = new ArrayList<>();
    Integer column = null;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      List<String> cells = cells(lines[i]);
      if (column == null) {
        column = headerColumn(cells);
        if (column >= 0) {
          continue;
        }
        column = 0;
      }
      String cell = column < cells.size() ? cells.get(column).strip() : "";
      if (!cell.isEmpty()) {
        entries.add(new Entry(i + 1, cell));
      }
    }
    return entries;
  }

  /** The number column named by a header line, or -1 when the first line is not a header. */
  private static int headerColumn(List<String> cells) {
    for (int c = 0; c < cells.size(); c++) {
      if (MOBILE_HEADERS.contains(cells.get(c).strip().toLowerCase(Locale.ROOT))) {
        return c;
      }
    }
    return -1;
  }

  /** A line's cells as CSV reads them (quotes, commas); a TXT line is one cell. */
  private static List<String> cells(String line) {
    try (CSVParser parser = CSVParser.parse(line, CSVFormat.RFC4180)) {
      List<CSVRecord> records = parser.getRecords();
      return records.isEmpty() ? List.of(line) : records.get(0).toList();
    } catch (IOException | RuntimeException malformed) {
      // An unbalanced quote: the line as it is, which then reads as a number or is reported.
      return List.of(line);
    }
  }

  /** A zip (XLSX, DOCX) or any file with NUL bytes is not a text file of numbers. */
  private static boolean binary(byte[] bytes) {
    if (bytes.length > 3 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
      return true;
    }
    for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
      if (bytes[i] == 0) {
        return true;
      }
    }
    return false;
  }
}
