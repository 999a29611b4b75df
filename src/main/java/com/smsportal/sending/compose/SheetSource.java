package com.smsportal.sending.compose;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * An uploaded spreadsheet of recipients (CSV or XLSX, read by {@link NumberFile#rows} under the
 * upload's guards): a header row, a {@code mobile} (or {@code 手机号}) column, and a column per
 * placeholder, matched by its header's name. The text read is at most {@link
 * NumberFile#MAX_TEXT_CHARS}; rows are parsed from it one at a time.
 */
final class SheetSource implements PersonalSource {

  /** The headers of the number's column, compared without case. */
  static final Set<String> MOBILE_HEADERS = Set.of("mobile", "手机号");

  private final String text;
  private final List<String> header;
  private final int mobileColumn;

  private SheetSource(String text, List<String> header, int mobileColumn) {
    this.text = text;
    this.header = header;
    this.mobileColumn = mobileColumn;
  }

  /**
   * @throws NumberFile.Refused if the file is beyond the guards, has no header row or no number
   *     column
   */
  static SheetSource of(String filename, byte[] bytes) throws NumberFile.Refused {
    String text = NumberFile.rows(filename, bytes);
    List<String> header;
    try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.DEFAULT)) {
      var records = parser.iterator();
      header =
          records.hasNext()
              ? records.next().toList().stream().map(String::strip).toList()
              : List.of();
    } catch (IOException | UncheckedIOException e) {
      throw new NumberFile.Refused("send.error.fileUnreadable", "not a CSV");
    }
    int mobile = -1;
    for (int i = 0; i < header.size() && mobile < 0; i++) {
      if (MOBILE_HEADERS.contains(header.get(i).toLowerCase(Locale.ROOT))) {
        mobile = i;
      }
    }
    if (mobile < 0) {
      throw new NumberFile.Refused("send.error.sheetNoMobile", "no mobile column");
    }
    return new SheetSource(text, header, mobile);
  }

  @Override
  public Set<String> columns() {
    Set<String> names = new LinkedHashSet<>(header);
    names.remove(header.get(mobileColumn));
    names.remove("");
    return names;
  }

  @Override
  public void rows(Consumer<RecipientRow> each) {
    try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.DEFAULT)) {
      boolean first = true;
      for (CSVRecord record : parser) {
        if (first) {
          first = false;
          continue;
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < Math.min(header.size(), record.size()); i++) {
          if (i != mobileColumn && !header.get(i).isEmpty()) {
            values.putIfAbsent(header.get(i), record.get(i));
          }
        }
        String mobile = mobileColumn < record.size() ? record.get(mobileColumn) : "";
        if (mobile.isBlank() && values.values().stream().allMatch(String::isBlank)) {
          continue; // an empty line
        }
        each.accept(new RecipientRow((int) record.getRecordNumber(), mobile, values));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
