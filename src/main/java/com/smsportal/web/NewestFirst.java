package com.smsportal.web;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/**
 * Reads a keyset page, newest first, in time windows below the cursor. Why: given only {@code
 * tenant_id = ? and (received_at, id) < cursor}, MariaDB walks the (tenant_id, received_at, id)
 * index from the tenant's newest row down to the cursor ("ref" access), so a page 500,000 rows deep
 * took seconds; with a lower bound on the time it seeks straight to the cursor ("range"). The
 * windows widen until one holds a full page; rows older than the widest window are read last.
 */
public final class NewestFirst {

  /** Rows strictly below {@code below} (null: no upper bound) and at or after {@code atOrAfter}. */
  @FunctionalInterface
  public interface Slice<T> {
    List<T> rows(PageCursor below, Instant atOrAfter, int limit);
  }

  /** The filter of a page's rows together with one slice's bounds (see {@link #bounds}). */
  @FunctionalInterface
  public interface Matching<E> {
    Specification<E> slice(PageCursor below, Instant atOrAfter);
  }

  static final List<Duration> WINDOWS =
      List.of(
          Duration.ofHours(1),
          Duration.ofDays(1),
          Duration.ofDays(8),
          Duration.ofDays(64),
          Duration.ofDays(512));

  /** The order of every page: received time, then id, newest first. */
  public static final Sort ORDER = Sort.by(Sort.Order.desc("receivedAt"), Sort.Order.desc("id"));

  private NewestFirst() {}

  /**
   * The time conditions of a slice of an entity with {@code receivedAt} and {@code id}: the
   * person's {@code from} (inclusive) and {@code until} (exclusive) filters, the window's lower
   * bound {@code atOrAfter}, and strictly below the cursor {@code before}; each only if not null.
   */
  public static List<Predicate> bounds(
      Root<?> root,
      CriteriaBuilder cb,
      Instant from,
      Instant until,
      Instant atOrAfter,
      PageCursor before) {
    List<Predicate> where = new ArrayList<>();
    if (from != null) {
      where.add(cb.greaterThanOrEqualTo(root.get("receivedAt"), from));
    }
    if (until != null) {
      where.add(cb.lessThan(root.get("receivedAt"), until));
    }
    if (atOrAfter != null) {
      where.add(cb.greaterThanOrEqualTo(root.get("receivedAt"), atOrAfter));
    }
    if (before != null) {
      // An upper bound an index range can use (H2 does not take one from the OR below).
      where.add(cb.lessThanOrEqualTo(root.get("receivedAt"), before.time()));
      // (received_at, id) < (t, id), spelled out: MySQL/MariaDB use the index for this form.
      where.add(
          cb.or(
              cb.lessThan(root.get("receivedAt"), before.time()),
              cb.and(
                  cb.equal(root.get("receivedAt"), before.time()),
                  cb.lessThan(root.get("id"), before.id()))));
    }
    return where;
  }

  /**
   * Where a page starts: below its cursor, or for the first page below the end of a "to" filter,
   * which bounds the rows the way a cursor does (and is read in windows below it the same way).
   */
  private static PageCursor upper(PageCursor before, Instant until) {
    return before != null || until == null ? before : new PageCursor(until, 0);
  }

  /**
   * The newest {@code limit} rows of an entity that match the filter, strictly older than the
   * cursor {@code before} (null: the newest) and within the filter's {@code from} and {@code
   * until}, read in windows from its repository.
   */
  public static <E> List<E> page(
      JpaSpecificationExecutor<E> entries,
      Matching<E> matching,
      PageCursor before,
      Instant from,
      Instant until,
      int limit) {
    return page(entries, matching, ORDER, before, from, until, limit);
  }

  /** The same in {@code order}: {@link #ORDER} after the columns the query holds constant. */
  public static <E> List<E> page(
      JpaSpecificationExecutor<E> entries,
      Matching<E> matching,
      Sort order,
      PageCursor before,
      Instant from,
      Instant until,
      int limit) {
    return page(
        upper(before, until),
        from,
        limit,
        (below, atOrAfter, n) ->
            entries.findBy(matching.slice(below, atOrAfter), q -> q.sortBy(order).limit(n).all()));
  }

  /**
   * {@link #ORDER} after the leading columns of the index a query reads, each held constant by its
   * conditions (the tenant, the number): the same rows in the same order, but H2 reads an index in
   * order only when the ORDER BY names its columns from the first one on, and otherwise sorts every
   * row that matches (at 10 million reports, seconds a page). MySQL and MariaDB see the constants
   * and read the index backwards either way.
   */
  public static Sort after(String... leading) {
    Sort order = Sort.unsorted();
    for (String attribute : leading) {
      order = order.and(Sort.by(Sort.Order.desc(attribute)));
    }
    return order.and(ORDER);
  }

  /**
   * The page below the row with id {@code beforeId} (null: the first page), as the export's batches
   * ask, which carry only an id; empty when there is no such row.
   */
  public static <V> List<V> belowId(
      Long beforeId,
      Function<Long, Optional<PageCursor>> cursorOf,
      Function<PageCursor, List<V>> page) {
    if (beforeId == null) {
      return page.apply(null);
    }
    return cursorOf.apply(beforeId).map(page).orElse(List.of());
  }

  /**
   * The newest {@code limit} rows below {@code upper} (null: the newest of all) and at or after
   * {@code floor} (null: no lower bound), newest first.
   */
  public static <T> List<T> page(PageCursor upper, Instant floor, int limit, Slice<T> slice) {
    if (upper == null) {
      return slice.rows(null, floor, limit); // from the top of the index: already the best plan
    }
    List<T> rows = List.of();
    Instant lower = upper.time();
    for (Duration window : WINDOWS) {
      lower = upper.time().minus(window);
      if (floor != null && !lower.isAfter(floor)) {
        return slice.rows(upper, floor, limit);
      }
      rows = slice.rows(upper, lower, limit);
      if (rows.size() >= limit) {
        return rows;
      }
    }
    // Fewer than a page within the widest window: the rest, if any, are older than it.
    List<T> page = new ArrayList<>(rows);
    page.addAll(slice.rows(new PageCursor(lower, 0), floor, limit - rows.size()));
    return page;
  }
}
