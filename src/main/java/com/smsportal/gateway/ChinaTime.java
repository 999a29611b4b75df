package com.smsportal.gateway;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

/** The gateway's times: no zone on the wire, always China Standard Time. */
public final class ChinaTime {

  /** The vendor's clock: every time in the protocol is China Standard Time. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private static final DateTimeFormatter WRITE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final DateTimeFormatter READ =
      DateTimeFormatter.ofPattern("uuuu-M-d H:m:s").withResolverStyle(ResolverStyle.STRICT);

  private ChinaTime() {}

  static String format(LocalDateTime time) {
    return time == null ? "" : WRITE.format(time);
  }

  /** {@code yyyy-MM-dd HH:mm:ss} or {@code yyyy/MM/dd HH:mm:ss}; null if neither. */
  static Instant parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      LocalDateTime plain = plain(text);
      if (plain != null) {
        return plain.atZone(ZONE).toInstant();
      }
      return LocalDateTime.parse(text.strip().replace('/', '-'), READ).atZone(ZONE).toInstant();
    } catch (DateTimeException e) {
      return null; // unreadable, or no such day or time (STRICT, as READ)
    }
  }

  /**
   * The usual {@code yyyy-MM-dd HH:mm:ss} (or with slashes) read by hand, as the formatter would
   * but without its cost per report (issue 27: 4,000 of them per answer); null when the text is in
   * any other form, which the formatter then reads.
   */
  private static LocalDateTime plain(String text) {
    if (text.length() != 19
        || !dash(text.charAt(4))
        || !dash(text.charAt(7))
        || text.charAt(10) != ' '
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    return LocalDateTime.of(year, month, day, hour, minute, second);
  }

  private static boolean dash(char c) {
    return c == '-' || c == '/';
  }

  /** The number written by {@code length} ASCII digits from {@code from}, or -1. */
  private static int digits(String text, int from, int length) {
    int value = 0;
    for (int i = from; i < from + length; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
