package com.smsportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Windowed reading gives exactly the page one plain keyset query would, whatever the spacing. */
class NewestFirstTests {

  record Row(Instant time, long id) {}

  static final Comparator<Row> NEWEST_FIRST =
      Comparator.comparing(Row::time).thenComparing(Row::id).reversed();

  final List<Row> rows = new ArrayList<>();
  int queries;

  @Test
  void everyPageEqualsThePlainKeysetPageForDenseSparseAndGappedRows() {
    Random random = new Random(7);
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    long id = 1;
    // Dense minutes, then sparse days, then one row two years older than the rest.
    for (int i = 0; i < 300; i++) {
      rows.add(new Row(now.minusSeconds(random.nextInt(3_600)), id++));
    }
    for (int i = 0; i < 60; i++) {
      rows.add(new Row(now.minus(Duration.ofDays(2 + random.nextInt(100))), id++));
    }
    rows.add(new Row(now.minus(Duration.ofDays(1_000)), id++));
    rows.add(new Row(now.minusSeconds(5), id++)); // a tie or two
    rows.add(new Row(now.minusSeconds(5), id++));

    for (Instant floor : new Instant[] {null, now.minus(Duration.ofDays(50))}) {
      List<Row> walked = new ArrayList<>();
      PageCursor cursor = null;
      List<Row> page;
      do {
        page = NewestFirst.page(cursor, floor, 50, this::slice);
        assertThat(page).isEqualTo(plain(cursor, floor, 50));
        walked.addAll(page);
        if (!page.isEmpty()) {
          Row last = page.get(page.size() - 1);
          cursor = new PageCursor(last.time(), last.id());
        }
      } while (page.size() == 50);
      assertThat(walked).isEqualTo(plain(null, floor, Integer.MAX_VALUE));
    }
  }

  @Test
  void theFirstPageIsOneQuery() {
    rows.add(new Row(Instant.parse("2026-01-01T00:00:00Z"), 1));
    NewestFirst.page(null, null, 50, this::slice);
    assertThat(queries).isEqualTo(1);
  }

  private List<Row> slice(PageCursor below, Instant atOrAfter, int limit) {
    queries++;
    return rows.stream()
        .filter(r -> below == null || before(r, below))
        .filter(r -> atOrAfter == null || !r.time().isBefore(atOrAfter))
        .sorted(NEWEST_FIRST)
        .limit(limit)
        .toList();
  }

  private List<Row> plain(PageCursor below, Instant floor, int limit) {
    return rows.stream()
        .filter(r -> below == null || before(r, below))
        .filter(r -> floor == null || !r.time().isBefore(floor))
        .sorted(NEWEST_FIRST)
        .limit(limit)
        .toList();
  }

  private static boolean before(Row r, PageCursor c) {
    return r.time().isBefore(c.time()) || (r.time().equals(c.time()) && r.id() < c.id());
  }
}
