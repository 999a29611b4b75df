package com.smsportal.gateway;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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
      return LocalDateTime.parse(text.strip().replace('/', '-'), READ).atZone(ZONE).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
