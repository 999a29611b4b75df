package com.smsportal.sending.message;

import com.smsportal.sending.SendRefusal;
import com.smsportal.web.Times;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.regex.Pattern;

/**
 * The rules of a message, one set for a new send and for the edit of a scheduled one: content,
 * extension and time, checked before the gateway is asked anything.
 */
public final class SendRules {

  public static final int MAX_CONTENT = 2000;
  public static final Pattern EXTNO = Pattern.compile("\\d{1,10}");

  private SendRules() {}

  /**
   * What is wrong with the message, or null.
   *
   * @param sendTime null to send now (refused when {@code scheduled} is required, as for an edit)
   */
  public static SendRefusal refusal(
      String content,
      String extno,
      boolean extnoSupported,
      Instant sendTime,
      boolean scheduled,
      Instant now) {
    if (content.isBlank()) {
      return SendRefusal.EMPTY_CONTENT;
    }
    if (content.length() > MAX_CONTENT) {
      return SendRefusal.CONTENT_TOO_LONG;
    }
    if (!extno.isEmpty() && !EXTNO.matcher(extno).matches()) {
      return SendRefusal.BAD_EXTNO;
    }
    if (!extno.isEmpty() && !extnoSupported) {
      return SendRefusal.EXTNO_NOT_SUPPORTED;
    }
    if (sendTime == null ? scheduled : !sendTime.isAfter(now)) {
      return SendRefusal.SEND_TIME_PAST;
    }
    return null;
  }

  /**
   * The browser's datetime-local value, read in China Standard Time; empty means now (null).
   *
   * @throws java.time.format.DateTimeParseException if it is no such value
   */
  public static Instant sendTime(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return LocalDateTime.parse(value.strip()).atZone(Times.ZONE).toInstant();
  }
}
