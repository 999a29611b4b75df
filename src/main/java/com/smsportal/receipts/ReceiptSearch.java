package com.smsportal.receipts;

import com.smsportal.tenant.TenantContext;
import com.smsportal.web.KeysetList;
import com.smsportal.web.NewestFirstSearch;
import com.smsportal.web.PageCursor;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the current tenant's reports newest first, by keyset on (received_at, id): each page starts
 * strictly below the last row of the one before, along the (tenant_id, [mobile | task_id,]
 * received_at, id) indexes, so a page deep down costs what the first one does.
 */
@Service
class ReceiptSearch implements KeysetList.Rows<ReceiptQuery, ReceiptView> {

  private final NewestFirstSearch<StatusReportEntry, ReceiptQuery, ReceiptView> reports;

  ReceiptSearch(StatusReportRepository entries) {
    this.reports =
        new NewestFirstSearch<>(
            entries,
            entries::findById,
            ReceiptSearch::conditions,
            StatusReportEntry::toView,
            () -> TenantContext.current() != TenantContext.ALL_TENANTS);
  }

  @Override
  @Transactional(readOnly = true)
  public List<ReceiptView> page(ReceiptQuery query, PageCursor before, int limit) {
    return reports.page(query, before, limit);
  }

  @Override
  @Transactional(readOnly = true)
  public List<ReceiptView> pageBelowId(ReceiptQuery query, Long beforeId, int limit) {
    return reports.pageBelowId(query, beforeId, limit);
  }

  private static List<Predicate> conditions(
      ReceiptQuery query, Root<StatusReportEntry> root, CriteriaBuilder cb) {
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
    return where;
  }
}
