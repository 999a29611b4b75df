package com.smsportal.replies;

import com.smsportal.web.NewestFirst;
import com.smsportal.web.PageCursor;
import jakarta.persistence.criteria.Predicate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the current tenant's replies newest first, by keyset on (received_at, id) along the
 * (tenant_id, [mobile,] received_at, id) indexes.
 */
@Service
class ReplySearch {

  private static final Sort NEWEST_FIRST =
      Sort.by(Sort.Order.desc("receivedAt"), Sort.Order.desc("id"));

  private final ReplyEntries entries;

  ReplySearch(ReplyEntries entries) {
    this.entries = entries;
  }

  /** At most {@code limit} rows strictly older than the cursor (null: the newest). */
  @Transactional(readOnly = true)
  List<ReplyEntry> page(ReplyQuery query, PageCursor before, int limit) {
    PageCursor upper = NewestFirst.upper(before, query.until());
    List<ReplyEntry> rows =
        NewestFirst.page(
            upper,
            query.from(),
            limit,
            (below, atOrAfter, n) ->
                entries.findBy(
                    matching(query, below, atOrAfter), q -> q.sortBy(NEWEST_FIRST).limit(n).all()));
    return rows;
  }

  @Transactional(readOnly = true)
  List<ReplyRow> rows(ReplyQuery query, PageCursor before, int limit) {
    return page(query, before, limit).stream().map(ReplyEntry::toRow).toList();
  }

  /** The same, below the row with the given id: the export's batches carry only an id. */
  @Transactional(readOnly = true)
  List<ReplyRow> rowsBelowId(ReplyQuery query, Long beforeId, int limit) {
    if (beforeId == null) {
      return rows(query, null, limit);
    }
    return entries
        .findById(beforeId)
        .map(ReplyEntry::toRow)
        .map(last -> rows(query, new PageCursor(last.receivedAt(), last.id()), limit))
        .orElse(List.of());
  }

  private static Specification<ReplyEntry> matching(
      ReplyQuery query, PageCursor before, Instant atOrAfter) {
    return (root, cq, cb) -> {
      List<Predicate> where = new ArrayList<>();
      if (query.mobile() != null) {
        where.add(cb.equal(root.get("mobile"), query.mobile()));
      }
      if (query.text() != null) {
        where.add(cb.like(cb.lower(root.get("content")), contains(query.text()), '!'));
      }
      if (query.from() != null) {
        where.add(cb.greaterThanOrEqualTo(root.get("receivedAt"), query.from()));
      }
      if (query.until() != null) {
        where.add(cb.lessThan(root.get("receivedAt"), query.until()));
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
      return cb.and(where.toArray(Predicate[]::new));
    };
  }

  /**
   * A LIKE pattern for "contains", with the person's own % and _ taken literally. The escape is
   * '!', not a backslash, which MySQL string literals would swallow.
   */
  static String contains(String text) {
    String escaped =
        text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
    return "%" + escaped + "%";
  }
}
