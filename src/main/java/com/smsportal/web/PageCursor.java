package com.smsportal.web;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a newest-first keyset page stops: the time and id of its last row. The next page holds the
 * rows strictly before it in (time DESC, id DESC) order. Written into "older" links as {@code
 * <epoch microseconds>-<id>}; times are kept to the microsecond, like the DATETIME(6) columns.
 */
public record PageCursor(Instant time, long id) {

  private static final Pattern TOKEN = Pattern.compile("(\\d{1,18})-(\\d{1,18})");

  public PageCursor {
    time = micros(time);
  }

  /** The cursor a link carried, or empty when it is not one. */
  public static Optional<PageCursor> parse(String token) {
    Matcher m = TOKEN.matcher(token == null ? "" : token.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    long micros = Long.parseLong(m.group(1));
    Instant time = Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1_000);
    return Optional.of(new PageCursor(time, Long.parseLong(m.group(2))));
  }

  public String token() {
    long micros = time.getEpochSecond() * 1_000_000 + time.getNano() / 1_000;
    return micros + "-" + id;
  }

  private static Instant micros(Instant time) {
    return time.minusNanos(time.getNano() % 1_000);
  }
}
