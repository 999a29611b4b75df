package com.smsportal.sending.compose;

import static com.smsportal.sending.compose.NumberFile.MAX_CELL_CHARS;
import static com.smsportal.sending.compose.NumberFile.MAX_ENTRIES;
import static com.smsportal.sending.compose.NumberFile.MAX_NUMBER_DIGITS;
import static com.smsportal.sending.compose.NumberFile.MAX_NUMBER_TEXT;

import com.smsportal.sending.compose.NumberFile.Refused;
import java.math.BigDecimal;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The sheet's cells as SAX events ({@code <c t="…"><v>…</v><is><t>…</t></is></c>}): a shared string
 * by its index, an inline string, a number (a formula's cached result too) as plain digits;
 * booleans and errors are no numbers and are left out.
 */
final class SheetCells extends DefaultHandler {

  /** Thrown to stop reading at the limit. */
  static final class Full extends SAXException {}

  private final SharedStrings strings;
  private final TextLimit text;

  /** Rows as CSV records, each cell in its column (a spreadsheet of recipients, issue 24). */
  private final boolean rows;

  private final java.util.TreeMap<Integer, String> rowCells = new java.util.TreeMap<>();
  private final StringBuilder out = new StringBuilder();
  private final StringBuilder value = new StringBuilder();
  private String type;
  private String reference;
  private boolean inValue;
  private boolean inPhonetic;
  private boolean tooLong;
  private int entries;
  private int row;
  private int column;

  SheetCells(SharedStrings strings, TextLimit text) {
    this(strings, text, false);
  }

  SheetCells(SharedStrings strings, TextLimit text, boolean rows) {
    this.strings = strings;
    this.text = text;
    this.rows = rows;
  }

  /** Every entry read, one a line. */
  String text() {
    return out.toString();
  }

  @Override
  public void startElement(String uri, String localName, String name, Attributes attributes) {
    switch (localName) {
      case "row" -> {
        String r = attributes.getValue("r");
        row = r != null && r.matches("\\d{1,7}") ? Integer.parseInt(r) : row + 1;
        column = 0;
        rowCells.clear();
      }
      case "c" -> {
        type = attributes.getValue("t");
        String r = attributes.getValue("r");
        column++;
        reference = r != null && r.matches("[A-Z]{1,3}\\d{1,7}") ? r : columnName(column) + row;
        column = columnOf(reference);
        value.setLength(0);
        tooLong = false;
      }
      case "rPh" -> inPhonetic = true;
      case "v", "t" -> inValue = !inPhonetic;
      default -> {}
    }
  }

  @Override
  public void characters(char[] ch, int start, int length) {
    if (!inValue || tooLong) {
      return;
    }
    if (value.length() + length > MAX_CELL_CHARS) {
      tooLong = true;
      value.setLength(0);
      return;
    }
    value.append(ch, start, length);
  }

  @Override
  public void endElement(String uri, String localName, String name) throws SAXException {
    switch (localName) {
      case "v", "t" -> inValue = false;
      case "rPh" -> inPhonetic = false;
      case "row" -> {
        if (rows) {
          endRow();
        }
      }
      case "c" -> {
        if (tooLong) {
          throw new SAXException(NumberFile.cellTooLong(reference));
        }
        add(cellText());
      }
      default -> {}
    }
  }

  private String cellText() throws SAXException {
    String raw = value.toString();
    if (raw.isBlank() || "b".equals(type) || "e".equals(type)) {
      return "";
    }
    if ("s".equals(type)) {
      String index = raw.strip();
      return index.matches("\\d{1,9}") ? strings.get(Integer.parseInt(index), reference) : "";
    }
    if ("inlineStr".equals(type) || "str".equals(type) || "d".equals(type)) {
      return raw;
    }
    return number(raw.strip());
  }

  /**
   * A numeric cell as plain digits, if it can be a phone number. Checked on the parsed value before
   * any digit is written out: {@code toPlainString} of {@code 1E200000000} would be 200 million
   * characters.
   */
  private String number(String raw) throws SAXException {
    if (raw.length() > MAX_NUMBER_TEXT) {
      throw notAPhoneNumber();
    }
    BigDecimal number;
    try {
      number = new BigDecimal(raw);
    } catch (NumberFormatException notANumber) {
      return raw; // not Excel's: kept as the text it is, for the page to show as invalid
    }
    if (number.signum() == 0) {
      return "0";
    }
    if (number.signum() < 0 || number.precision() - number.scale() > MAX_NUMBER_DIGITS) {
      throw notAPhoneNumber(); // negative, or more digits before the point than a phone number
    }
    BigDecimal whole = number.stripTrailingZeros();
    if (whole.scale() > 0) {
      throw notAPhoneNumber(); // a fraction
    }
    return whole.toPlainString();
  }

  private SAXException notAPhoneNumber() {
    return new SAXException(
        new Refused(
            "send.error.fileCellNotANumber", "a number that cannot be a phone number", reference));
  }

  private void add(String entry) throws SAXException {
    if (entry.isBlank()) {
      return;
    }
    if (++entries > MAX_ENTRIES) {
      throw new Full();
    }
    String stripped = entry.strip();
    text.add(stripped.length() + 1);
    if (rows) {
      rowCells.put(column, stripped);
    } else {
      out.append(stripped).append('\n');
    }
  }

  /** The row's cells as one CSV record, an empty cell where a column has none. */
  private void endRow() throws SAXException {
    if (rowCells.isEmpty()) {
      return;
    }
    java.util.List<String> record = new java.util.ArrayList<>();
    for (int c = 1; c <= rowCells.lastKey(); c++) {
      record.add(rowCells.getOrDefault(c, ""));
    }
    try {
      org.apache.commons.csv.CSVFormat.DEFAULT.printRecord(out, record.toArray());
    } catch (java.io.IOException cannot) {
      throw new SAXException(cannot); // a StringBuilder does not fail
    }
    rowCells.clear();
  }

  /** B7 → 2; the columns of a row are at most Excel's 16,384. */
  private static int columnOf(String reference) {
    int c = 0;
    for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
      c = c * 26 + (reference.charAt(i) - 'A' + 1);
    }
    return Math.min(c, 16_384);
  }

  /** 1 → A, 27 → AA. */
  private static String columnName(int column) {
    StringBuilder name = new StringBuilder();
    for (int c = column; c > 0; c = (c - 1) / 26) {
      name.insert(0, (char) ('A' + (c - 1) % 26));
    }
    return name.toString();
  }
}
