package com.smsportal.web;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Sort;

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
  public static PageCursor upper(PageCursor before, Instant until) {
    return before != null || until == null ? before : new PageCursor(until, 0);
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
