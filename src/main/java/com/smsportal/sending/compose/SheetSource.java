package com.smsportal.sending.compose;

import com.smsportal.sheet.SheetMapping;
import com.smsportal.sheet.SheetRefused;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An uploaded spreadsheet of recipients (CSV or XLSX, read streaming by {@link SheetMapping} under
 * the upload's guards, as the contact import reads it): a header row, a {@code mobile} (or {@code
 * 手机号}) column, and a column per placeholder, matched by its header's name. The file is read
 * through once when the source is made, so that a file beyond the guards is refused before anything
 * else; rows are then streamed again one at a time, never held.
 */
final class SheetSource implements PersonalSource {

  /** The headers of the number's column, compared without case. */
  static final Set<String> MOBILE_HEADERS = Set.of("mobile", "手机号", "手机号码");

  private final String filename;
  private final byte[] bytes;
  private final List<String> header;
  private final int mobileColumn;

  private SheetSource(String filename, byte[] bytes, List<String> header, int mobileColumn) {
    this.filename = filename;
    this.bytes = bytes;
    this.header = header;
    this.mobileColumn = mobileColumn;
  }

  /**
   * @throws NumberFile.Refused if the file is beyond the guards, has no header row or no number
   *     column
   */
  static SheetSource of(String filename, byte[] bytes) throws NumberFile.Refused {
    List<String> header;
    try {
      header = SheetMapping.preview(filename, bytes).header();
      SheetMapping.forEachRow(filename, bytes, row -> {});
    } catch (SheetRefused refused) {
      throw new NumberFile.Refused(refused);
    }
    int mobile = -1;
    for (int i = 0; i < header.size() && mobile < 0; i++) {
      if (MOBILE_HEADERS.contains(header.get(i).toLowerCase(Locale.ROOT))) {
        mobile = i;
      }
    }
    if (mobile < 0) {
      throw new NumberFile.Refused(
          new SheetRefused("send.error.sheetNoMobile", "no mobile column"));
    }
    return new SheetSource(filename, bytes, header, mobile);
  }

  @Override
  public Set<String> columns() {
    Set<String> names = new LinkedHashSet<>(header);
    names.remove(header.get(mobileColumn));
    return names;
  }

  @Override
  public void rows(Consumer<RecipientRow> each) {
    try {
      SheetMapping.forEachRow(
          filename,
          bytes,
          row -> {
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
              if (i != mobileColumn) {
                values.putIfAbsent(header.get(i), row.cell(i));
              }
            }
            String mobile = row.cell(mobileColumn);
            if (mobile.isBlank() && values.values().stream().allMatch(String::isBlank)) {
              return; // an empty line
            }
            each.accept(new RecipientRow(row.line(), mobile, values));
          });
    } catch (SheetRefused refused) {
      // The same bytes passed the same reading in of(): a file cannot change its mind.
      throw new UncheckedIOException(refused);
    }
  }
}
