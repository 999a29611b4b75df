package com.smsportal.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV for Excel users in China: UTF-8 with a byte-order mark (so Excel reads Chinese correctly),
 * RFC 4180 quoting, and cells that Excel would run as a formula defused with a leading quote.
 */
public final class CsvWriter implements AutoCloseable {

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final Writer out;

  public CsvWriter(OutputStream stream) throws IOException {
    stream.write(BOM);
    this.out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
  }

  public void row(List<?> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(cell(cells.get(i)));
    }
    out.write("\r\n");
  }

  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    boolean quote =
        text.indexOf(',') >= 0
            || text.indexOf('"') >= 0
            || text.indexOf('\n') >= 0
            || text.indexOf('\r') >= 0;
    return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }
}
