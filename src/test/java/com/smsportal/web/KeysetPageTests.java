package com.smsportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A list page asks for one row more than it shows, and shows a next link only if it came. */
class KeysetPageTests {

  /** Rows with ids 1..count, newest (highest) first, as a "before" query would give them. */
  private final List<Integer> asked = new ArrayList<>();

  private List<Long> rows(int count, int limit) {
    asked.add(limit);
    return IntStream.rangeClosed(1, count)
        .map(i -> count + 1 - i)
        .limit(limit)
        .mapToObj(i -> (long) i)
        .toList();
  }

  @Test
  void asksForOneRowMoreThanAPageHolds() {
    KeysetPage.read(50, n -> rows(10, n));

    assertThat(asked).containsExactly(51);
  }

  @Test
  void aFullPageWithMoreBehindItShowsAPageAndWhereTheNextStarts() {
    KeysetPage<Long> page = KeysetPage.read(3, n -> rows(10, n));

    assertThat(page.rows()).containsExactly(10L, 9L, 8L);
    assertThat(page.hasNext()).isTrue();
    assertThat(page.<Long>next(id -> id)).isEqualTo(8L);
    assertThat(page.<String>next(id -> "before=" + id)).isEqualTo("before=8");
  }

  @Test
  void exactlyAPageOfRowsHasNoNextPage() {
    KeysetPage<Long> page = KeysetPage.read(3, n -> rows(3, n));

    assertThat(page.rows()).containsExactly(3L, 2L, 1L);
    assertThat(page.hasNext()).isFalse();
    assertThat(page.<Long>next(id -> id)).isNull();
  }

  @Test
  void fewerRowsThanAPageAreAllShownWithoutANextPage() {
    KeysetPage<Long> page = KeysetPage.read(3, n -> rows(2, n));

    assertThat(page.rows()).containsExactly(2L, 1L);
    assertThat(page.<Long>next(id -> id)).isNull();
  }

  @Test
  void noRowsIsAnEmptyLastPage() {
    KeysetPage<Long> page = KeysetPage.read(3, n -> rows(0, n));

    assertThat(page.rows()).isEmpty();
    assertThat(page.hasNext()).isFalse();
    assertThat(page.<Long>next(id -> id)).isNull();
  }
}
