package com.smsportal.sheet;

import static com.smsportal.sheet.SheetLimits.MAX_CELL_CHARS;
import static com.smsportal.sheet.SheetLimits.MAX_NUMBER_DIGITS;
import static com.smsportal.sheet.SheetLimits.MAX_NUMBER_TEXT;

import java.math.BigDecimal;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The sheet's cells as SAX events ({@code <c t="…"><v>…</v><is><t>…</t></is></c>}): a shared string
 * by its index, an inline string, a number (a formula's cached result too) as plain digits;
 * booleans and errors are no numbers and are left out. Each cell goes to a {@link Sink} with its
 * row and column (1-based), nothing is kept here.
 */
final class SheetCells extends DefaultHandler {

  /** Thrown to stop reading at the limit, or when the reader has what it wanted. */
  static final class Full extends SAXException {}

  /** Where the cells go, in the sheet's order; {@link #rowEnd} after each row. */
  interface Sink {
    void cell(int row, int column, String reference, String text) throws SAXException;

    default void rowEnd(int row) throws SAXException {}
  }

  private final SharedStrings strings;
  private final Sink sink;
  private final boolean phoneNumbers;
  private final StringBuilder value = new StringBuilder();
  private String type;
  private String reference;
  private boolean inValue;
  private boolean inPhonetic;
  private boolean tooLong;
  private int row;
  private int column;

  /**
   * @param phoneNumbers a numeric cell must be able to be a phone number (a file of numbers); else
   *     a number that cannot be one is given as Excel wrote it (a field such as 12.5), within
   *     {@link SheetLimits#MAX_NUMBER_TEXT} characters
   */
  SheetCells(SharedStrings strings, Sink sink, boolean phoneNumbers) {
    this.strings = strings;
    this.sink = sink;
    this.phoneNumbers = phoneNumbers;
  }

  @Override
  public void startElement(String uri, String localName, String name, Attributes attributes) {
    switch (localName) {
      case "row" -> {
        String r = attributes.getValue("r");
        row = r != null && r.matches("\\d{1,7}") ? Integer.parseInt(r) : row + 1;
        column = 0;
      }
      case "c" -> {
        type = attributes.getValue("t");
        String r = attributes.getValue("r");
        column++;
        if (r != null && r.matches("[A-Z]{1,3}\\d{1,7}")) {
          reference = r;
          column = columnNumber(r);
        } else {
          reference = columnName(column) + row;
        }
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
      case "c" -> {
        if (tooLong) {
          throw new SAXException(SheetRefused.cellTooLong(reference));
        }
        sink.cell(row, column, reference, cellText());
      }
      case "row" -> sink.rowEnd(row);
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
    if (!phoneNumbers && !phoneLike(number)) {
      return raw;
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

  private static boolean phoneLike(BigDecimal number) {
    return number.signum() >= 0
        && number.precision() - number.scale() <= MAX_NUMBER_DIGITS
        && number.stripTrailingZeros().scale() <= 0;
  }

  private SAXException notAPhoneNumber() {
    return new SAXException(
        new SheetRefused(
            "send.error.fileCellNotANumber", "a number that cannot be a phone number", reference));
  }

  /** B7 → 2, AA1 → 27. */
  private static int columnNumber(String reference) {
    int n = 0;
    for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
      n = n * 26 + (reference.charAt(i) - 'A' + 1);
    }
    return n;
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
