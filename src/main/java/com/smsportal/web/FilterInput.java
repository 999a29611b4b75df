package com.smsportal.web;

import com.smsportal.mobile.MobileNumber;
import jakarta.servlet.http.HttpServletRequest;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the filter fields of the list pages (number, time range, page cursor) from the request's
 * parameters, each field by its parameter's name, and collects a message key per field that cannot
 * be read, so that a page can say what is wrong next to the field (the filter fragment looks the
 * same name up) and run no query. Message keys live in messages.properties (filter.*).
 */
public final class FilterInput {

  /** A time range of the filter: {@code from} inclusive, {@code until} exclusive; each optional. */
  public record Range(Instant from, Instant until) {}

  private final Function<String, String> parameters;
  private final Map<String, String> errors = new LinkedHashMap<>();

  /**
   * @param parameters the value of a parameter by its name, null when it was not sent
   */
  public FilterInput(Function<String, String> parameters) {
    this.parameters = parameters;
  }

  /**
   * The request's parameters as a {@code @RequestParam String} reads them: a parameter sent more
   * than once is its values joined by commas.
   */
  public static FilterInput of(HttpServletRequest request) {
    return new FilterInput(
        name -> {
          String[] values = request.getParameterValues(name);
          return values == null ? null : String.join(",", values);
        });
  }

  /** The parameter as sent, for a field a page reads itself; null when it was not sent. */
  public String parameter(String field) {
    return parameters.apply(field);
  }

  /**
   * A phone number as stored ({@link MobileNumber#number}: a mainland mobile number as its 11
   * digits, whatever prefix it was typed with); null when the field is empty or not a number.
   */
  public String mobile(String field) {
    String raw = parameter(field);
    if (blank(raw)) {
      return null;
    }
    String number = MobileNumber.number(raw);
    return number != null ? number : reject(field, "filter.error.mobile");
  }

  /**
   * A time range from two fields (datetime-local, China Standard Time); an end that is not after
   * the start is refused next to the end field.
   */
  public Range range(String fromField, String toField) {
    Instant from = from(fromField);
    Instant until = until(toField);
    if (from != null && until != null && !from.isBefore(until)) {
      reject(toField, "filter.error.range");
    }
    return new Range(from, until);
  }

  /** The start of a time range, inclusive. */
  private Instant from(String field) {
    LocalDateTime time = dateTime(field, parameter(field));
    return time == null ? null : time.atZone(Times.ZONE).toInstant();
  }

  /**
   * The end of a time range, exclusive: the whole minute (or second) the person chose is included,
   * so "to 10:00" keeps a row of 10:00:30.
   */
  private Instant until(String field) {
    String raw = parameter(field);
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

  /** Free text of at most the given length; null when empty. */
  public String text(String field, int maxLength) {
    String raw = parameter(field);
    if (blank(raw)) {
      return null;
    }
    String text = raw.strip();
    return text.length() <= maxLength ? text : reject(field, "filter.error.tooLong");
  }

  /** The cursor of an "older" link; null on the first page. */
  public PageCursor cursor(String field) {
    String raw = parameter(field);
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
