package com.smsportal.web;

import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * One page of a keyset list (see the pager fragment): the rows shown, and whether another page
 * follows. Read by asking for one row more than a page holds: if it comes, there is a next page,
 * and that row is not shown (it opens the next page).
 *
 * @param rows the rows to show, at most a page
 * @param hasNext whether rows follow the last one shown
 */
public record KeysetPage<T>(List<T> rows, boolean hasNext) {

  /**
   * Reads a page of at most {@code size} rows; {@code fetch} is asked for {@code size + 1} rows in
   * the list's order.
   */
  public static <T> KeysetPage<T> read(int size, IntFunction<List<T>> fetch) {
    List<T> fetched = fetch.apply(size + 1);
    boolean more = fetched.size() > size;
    return new KeysetPage<>(more ? fetched.subList(0, size) : fetched, more);
  }

  /** Where the next page starts: the key of the last row shown, or null when none follows. */
  public <K> K next(Function<? super T, K> key) {
    return hasNext ? key.apply(rows.get(rows.size() - 1)) : null;
  }
}
