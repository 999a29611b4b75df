package com.smsportal.gateway;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** The gateway's times: no zone on the wire, always China Standard Time. */
final class ChinaTime {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
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
      return LocalDateTime.parse(text.strip().replace('/', '-'), READ).atZone(ZONE).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
