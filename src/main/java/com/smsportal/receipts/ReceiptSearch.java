package com.smsportal.receipts;

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
 * Reads the current tenant's reports newest first, by keyset on (received_at, id): each page starts
 * strictly below the last row of the one before, along the (tenant_id, [mobile | task_id,]
 * received_at, id) indexes, so a page deep down costs what the first one does.
 */
@Service
class ReceiptSearch {

  private final StatusReportRepository entries;

  ReceiptSearch(StatusReportRepository entries) {
    this.entries = entries;
  }

  /** At most {@code limit} rows strictly older than the cursor (null: the newest). */
  @Transactional(readOnly = true)
  List<ReceiptView> page(ReceiptQuery query, PageCursor before, int limit) {
    List<StatusReportEntry> rows =
        NewestFirst.page(
            entries,
            (below, atOrAfter) -> matching(query, below, atOrAfter),
            before,
            query.from(),
            query.until(),
            limit);
    return rows.stream().map(StatusReportEntry::toView).toList();
  }

  /** The same, below the row with the given id: the export's batches carry only an id. */
  @Transactional(readOnly = true)
  List<ReceiptView> pageBelowId(ReceiptQuery query, Long beforeId, int limit) {
    return NewestFirst.belowId(
        beforeId,
        id -> entries.findById(id).map(StatusReportEntry::toView).map(ReceiptView::cursor),
        cursor -> page(query, cursor, limit));
  }

  private static Specification<StatusReportEntry> matching(
      ReceiptQuery query, PageCursor before, Instant atOrAfter) {
    return (root, cq, cb) -> {
      List<Predicate> where = new ArrayList<>();
      if (query.mobile() != null) {
        where.add(cb.equal(root.get("mobile"), query.mobile()));
      }
      if (query.taskId() != null) {
        where.add(cb.equal(root.get("taskId"), query.taskId()));
      }
      if (query.status() != null) {
        where.add(cb.equal(root.get("status"), query.status().code()));
      }
      where.addAll(NewestFirst.bounds(root, cb, query.from(), query.until(), atOrAfter, before));
      return cb.and(where.toArray(Predicate[]::new));
    };
  }
}
