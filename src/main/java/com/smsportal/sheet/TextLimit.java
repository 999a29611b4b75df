package com.smsportal.sheet;

import static com.smsportal.sheet.SheetLimits.MAX_TEXT_CHARS;

import org.xml.sax.SAXException;

/** Counts the characters a whole workbook gives: its cells and its shared strings. */
final class TextLimit {

  private long chars;

  void add(int length) throws SAXException {
    chars += length;
    if (chars > MAX_TEXT_CHARS) {
      throw new SAXException(SheetRefused.textTooLong());
    }
  }
}
