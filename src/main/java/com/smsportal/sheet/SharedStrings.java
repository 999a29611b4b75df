package com.smsportal.sheet;

import static com.smsportal.sheet.SheetLimits.MAX_CELL_CHARS;
import static com.smsportal.sheet.SheetLimits.MAX_ENTRIES;

import java.util.Arrays;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The shared strings ({@code <si>}, with the text of its {@code <t>} runs but not of its phonetic
 * runs {@code <rPh>}), kept in one buffer with their offsets: a few bytes each beyond their text,
 * however many there are. A string longer than {@link SheetLimits#MAX_CELL_CHARS} is kept as too
 * long, and refused only if the sheet uses it.
 */
final class SharedStrings extends DefaultHandler {

  private static final int TOO_LONG = -1;

  private final TextLimit text;
  private final StringBuilder chars = new StringBuilder();
  private int[] starts = new int[1024];
  private int[] lengths = new int[1024];
  private int count;
  private int start;
  private int length;
  private boolean inText;
  private boolean inPhonetic;
  private boolean inItem;

  SharedStrings(TextLimit text) {
    this.text = text;
  }

  @Override
  public void startElement(String uri, String localName, String name, Attributes attributes)
      throws SAXException {
    switch (localName) {
      case "si" -> {
        if (count >= MAX_ENTRIES) {
          throw new SAXException(
              new SheetRefused("send.error.fileTooManyEntries", "too many shared strings"));
        }
        inItem = true;
        start = chars.length();
        length = 0;
      }
      case "rPh" -> inPhonetic = true;
      case "t" -> inText = inItem && !inPhonetic;
      default -> {}
    }
  }

  @Override
  public void characters(char[] ch, int offset, int n) throws SAXException {
    if (!inText || length == TOO_LONG) {
      return;
    }
    if (length + n > MAX_CELL_CHARS) {
      chars.setLength(start);
      length = TOO_LONG;
      return;
    }
    text.add(n);
    chars.append(ch, offset, n);
    length += n;
  }

  @Override
  public void endElement(String uri, String localName, String name) {
    switch (localName) {
      case "si" -> {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
          lengths = Arrays.copyOf(lengths, count * 2);
        }
        starts[count] = start;
        lengths[count] = length;
        count++;
        inItem = false;
      }
      case "rPh" -> inPhonetic = false;
      case "t" -> inText = false;
      default -> {}
    }
  }

  /** The string at {@code index}; empty for a bad index. */
  String get(int index, String cell) throws SAXException {
    if (index < 0 || index >= count) {
      return "";
    }
    if (lengths[index] == TOO_LONG) {
      throw new SAXException(SheetRefused.cellTooLong(cell));
    }
    return chars.substring(starts[index], starts[index] + lengths[index]);
  }
}
