package com.smsportal.web;

import com.smsportal.mobile.MobileNumber;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the filter fields of the list pages (number, time range, page cursor) and collects a
 * message key per field that cannot be read, so that a page can say what is wrong next to the field
 * and run no query. Message keys live in messages.properties (filter.*).
 */
public final class FilterInput {

  private final Map<String, String> errors = new LinkedHashMap<>();

  /**
   * A phone number as stored ({@link MobileNumber#number}: a mainland mobile number as its 11
   * digits, whatever prefix it was typed with); null when the field is empty or not a number.
   */
  public String mobile(String field, String raw) {
    if (blank(raw)) {
      return null;
    }
    String number = MobileNumber.number(raw);
    return number != null ? number : reject(field, "filter.error.mobile");
  }

  /** The start of a time range (datetime-local, China Standard Time), inclusive. */
  public Instant from(String field, String raw) {
    LocalDateTime time = dateTime(field, raw);
    return time == null ? null : time.atZone(Times.ZONE).toInstant();
  }

  /**
   * The end of a time range, exclusive: the whole minute (or second) the person chose is included,
   * so "to 10:00" keeps a row of 10:00:30.
   */
  public Instant until(String field, String raw) {
    LocalDateTime time = dateTime(field, raw);
    if (time == null) {
      return null;
    }
    boolean seconds = raw.strip().length() > "yyyy-MM-ddTHH:mm".length();
    LocalDateTime end =
        seconds
            ? time.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1)
            : time.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    return end.atZone(Times.ZONE).toInstant();
  }

  /** Refuses a range whose start is not before its end, next to the end field. */
  public void range(Instant from, Instant until, String field) {
    if (from != null && until != null && !from.isBefore(until)) {
      reject(field, "filter.error.range");
    }
  }

  /** Free text of at most the given length; null when empty. */
  public String text(String field, String raw, int maxLength) {
    if (blank(raw)) {
      return null;
    }
    String text = raw.strip();
    return text.length() <= maxLength ? text : reject(field, "filter.error.tooLong");
  }

  /** The cursor of an "older" link; null on the first page. */
  public PageCursor cursor(String field, String raw) {
    if (blank(raw)) {
      return null;
    }
    return PageCursor.parse(raw).orElseGet(() -> reject(field, "filter.error.cursor"));
  }

  /** Records that a field cannot be read; returns null for the caller's convenience. */
  public <T> T reject(String field, String messageKey) {
    errors.putIfAbsent(field, messageKey);
    return null;
  }

  /** Field name to message key, in the order found. */
  public Map<String, String> errors() {
    return Collections.unmodifiableMap(errors);
  }

  public boolean valid() {
    return errors.isEmpty();
  }

  private LocalDateTime dateTime(String field, String raw) {
    if (blank(raw)) {
      return null;
    }
    try {
      return LocalDateTime.parse(raw.strip());
    } catch (DateTimeException e) {
      return reject(field, "filter.error.time");
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
