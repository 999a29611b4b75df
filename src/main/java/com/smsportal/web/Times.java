package com.smsportal.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * Shows instants in China Standard Time, the zone of the gateway and of our users: {@code
 * th:text="${@times.format(row.createdAt)}"}.
 */
@Component("times")
public class Times {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);

  public String format(Instant instant) {
    return instant == null ? "" : FORMAT.format(instant);
  }
}
