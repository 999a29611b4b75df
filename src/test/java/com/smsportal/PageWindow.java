package com.smsportal;

import com.smsportal.web.Times;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A half-hour of its own for a test of a page filtered by time (receipts, replies): rows placed in
 * it, the page's from/to fields for parts of it, and the ids of the rows a page lists.
 */
public final class PageWindow {

  private static final Pattern ROW_ID = Pattern.compile("<tr data-id=\"(\\d+)\"");

  private final Instant start;

  private PageWindow(Instant start) {
    this.start = start;
  }

  /** A random half-hour of the year, China time: the time filter keeps each test to its rows. */
  public static PageWindow somewhereIn(int year) {
    long minutes = ThreadLocalRandom.current().nextLong(0, 365L * 24 * 60 / 30) * 30;
    return new PageWindow(
        LocalDateTime.of(year, 1, 1, 0, 0).plusMinutes(minutes).atZone(Times.ZONE).toInstant());
  }

  public Instant start() {
    return start;
  }

  /** Thirty seconds into the given minute of the window. */
  public Instant at(int minute) {
    return start.plus(Duration.ofMinutes(minute)).plusSeconds(30);
  }

  /** The from/to fields, as the page's datetime-local inputs send them. */
  public String filter(int fromMinute, int toMinute) {
    return "from=" + minute(fromMinute) + "&to=" + minute(toMinute);
  }

  /** The given minute of the window as a datetime-local field sends it, URL-encoded. */
  public String minute(int minute) {
    return enc(
        LocalDateTime.ofInstant(start.plus(Duration.ofMinutes(minute)), Times.ZONE)
            .truncatedTo(ChronoUnit.MINUTES)
            .toString());
  }

  /** The ids of the rows the page lists, in its order. */
  public static List<Long> ids(String html) {
    List<Long> ids = new ArrayList<>();
    Matcher m = ROW_ID.matcher(html);
    while (m.find()) {
      ids.add(Long.parseLong(m.group(1)));
    }
    return ids;
  }

  public static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
