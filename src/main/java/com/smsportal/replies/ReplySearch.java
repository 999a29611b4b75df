package com.smsportal.replies;

import com.smsportal.web.LikePatterns;
import com.smsportal.web.NewestFirst;
import com.smsportal.web.PageCursor;
import jakarta.persistence.criteria.Predicate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the current tenant's replies newest first, by keyset on (received_at, id) along the
 * (tenant_id, [mobile,] received_at, id) indexes.
 */
@Service
class ReplySearch {

  private final ReplyRepository entries;

  ReplySearch(ReplyRepository entries) {
    this.entries = entries;
  }

  /** At most {@code limit} rows strictly older than the cursor (null: the newest). */
  @Transactional(readOnly = true)
  List<ReplyEntry> page(ReplyQuery query, PageCursor before, int limit) {
    return NewestFirst.page(
        entries,
        (below, atOrAfter) -> matching(query, below, atOrAfter),
        before,
        query.from(),
        query.until(),
        limit);
  }

  @Transactional(readOnly = true)
  List<ReplyView> rows(ReplyQuery query, PageCursor before, int limit) {
    return page(query, before, limit).stream().map(ReplyEntry::toView).toList();
  }

  /** The same, below the row with the given id: the export's batches carry only an id. */
  @Transactional(readOnly = true)
  List<ReplyView> rowsBelowId(ReplyQuery query, Long beforeId, int limit) {
    return NewestFirst.belowId(
        beforeId,
        id -> entries.findById(id).map(ReplyEntry::toView).map(ReplyView::cursor),
        cursor -> rows(query, cursor, limit));
  }

  private static Specification<ReplyEntry> matching(
      ReplyQuery query, PageCursor before, Instant atOrAfter) {
    return (root, cq, cb) -> {
      List<Predicate> where = new ArrayList<>();
      if (query.mobile() != null) {
        where.add(cb.equal(root.get("mobile"), query.mobile()));
      }
      if (query.text() != null) {
        where.add(
            cb.like(
                cb.lower(root.get("content")),
                LikePatterns.contains(query.text()),
                LikePatterns.ESCAPE));
      }
      where.addAll(NewestFirst.bounds(root, cb, query.from(), query.until(), atOrAfter, before));
      return cb.and(where.toArray(Predicate[]::new));
    };
  }
}
