package com.smsportal.sending.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the job list's HTML shows: its rows, a field's message, a row's cells, the older link. */
final class JobListHtml {

  static final Pattern ROW = Pattern.compile("<tr data-id=\"(\\d+)\" data-phase=\"(\\w+)\">");
  static final Pattern OLDER = Pattern.compile("id=\"jobs-older\"[^>]*href=\"([^\"]+)\"");

  private JobListHtml() {}

  /** The listed jobs in order, each with its phase. */
  static Map<Long, String> rows(String html) {
    Map<Long, String> rows = new LinkedHashMap<>();
    Matcher m = ROW.matcher(html);
    while (m.find()) {
      rows.put(Long.parseLong(m.group(1)), m.group(2));
    }
    return rows;
  }

  static String fieldError(String html, String field) {
    Matcher m = Pattern.compile("id=\"" + field + "-error\"[^>]*>([^<]*)<").matcher(html);
    assertThat(m.find()).as(field + " has its message").isTrue();
    return m.group(1).strip();
  }

  static String billed(String html, long id) {
    Matcher m =
        Pattern.compile(
                "data-id=\""
                    + id
                    + "\"[\\s\\S]*?<td class=\"num\"[^>]*>\\d+</td>\\s*<td class=\"num\"[^>]*>(\\d+)</td>")
            .matcher(html);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }
}
