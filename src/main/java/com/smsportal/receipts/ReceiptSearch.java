package com.smsportal.receipts;

import com.smsportal.tenant.TenantContext;
import com.smsportal.web.KeysetList;
import com.smsportal.web.NewestFirst;
import com.smsportal.web.NewestFirstRows;
import com.smsportal.web.NewestFirstSearch;
import com.smsportal.web.PageCursor;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the current tenant's reports newest first, by keyset on (received_at, id): each page starts
 * strictly below the last row of the one before, along the (tenant_id, [mobile | task_id,]
 * received_at, id) indexes, so a page deep down costs what the first one does; a status has its own
 * (tenant_id, status, received_at, id) index (V48_1).
 */
@Service
class ReceiptSearch implements KeysetList.Rows<ReceiptQuery, ReceiptView> {

  private final NewestFirstSearch<StatusReportEntry, ReceiptQuery, ReceiptView> reports;
  private final NewestFirstRows<ReceiptView> exported;

  ReceiptSearch(StatusReportRepository entries, JdbcTemplate jdbc) {
    this.exported =
        new NewestFirstRows<>(
            jdbc,
            "status_report",
            "id, account_id, received_at, mobile, task_id, status, error_code, extno, job_id,"
                + " fetched_at",
            (rs, n) ->
                new ReceiptView(
                    rs.getLong("id"),
                    rs.getLong("account_id"),
                    NewestFirstRows.instant(rs, "received_at"),
                    rs.getString("mobile"),
                    rs.getString("task_id"),
                    rs.getInt("status"),
                    rs.getString("error_code"),
                    rs.getString("extno"),
                    rs.getObject("job_id", Long.class),
                    NewestFirstRows.instant(rs, "fetched_at")));
    this.reports =
        new NewestFirstSearch<>(
            entries,
            entries::findById,
            ReceiptSearch::conditions,
            StatusReportEntry::toView,
            ReceiptSearch::order);
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

  /**
   * The tenant the export's SQL reads (Hibernate's filter does not apply): null for staff's all.
   */
  private static Long tenant() {
    long tenant = TenantContext.current();
    return tenant == TenantContext.ALL_TENANTS ? null : tenant;
  }

  /** The export's batch: plain SQL from the last row's cursor (see {@link NewestFirstRows}). */
  @Override
  public List<ReceiptView> exportAfter(ReceiptQuery query, KeysetList.Row last, int limit) {
    return exported.below(tenant(), where(query), last == null ? null : last.cursor(), limit);
  }

  /** The filter in SQL, along the same index as {@link #order}. */
  static NewestFirstRows.Where where(ReceiptQuery query) {
    NewestFirstRows.Where where = new NewestFirstRows.Where(query.from(), query.until());
    if (query.mobile() != null) {
      where.equal("mobile", query.mobile());
    }
    if (query.taskId() != null) {
      where.equal("task_id", query.taskId());
    }
    if (query.status() != null) {
      where.equal("status", query.status().code());
    }
    if (query.mobile() != null) {
      return where.along("ix_status_report_mobile", "mobile");
    }
    if (query.taskId() != null) {
      return where.along("ix_status_report_task", "task_id");
    }
    if (query.status() != null) {
      return where.along("ix_status_report_status", "status");
    }
    return where.along("ix_status_report_time");
  }

  /**
   * Along which index a filter's page is read: a number's, a task's or a status's reports (the
   * number first: fewest rows), else all of the tenant's by time (a time range too). Staff seeing
   * every tenant's rows read them in the plain order: a leading tenant would group them by tenant.
   */
  static Sort order(ReceiptQuery query) {
    if (TenantContext.current() == TenantContext.ALL_TENANTS) {
      return NewestFirst.ORDER; // staff seeing every tenant's: no tenant to lead with
    }
    if (query.mobile() != null) {
      return NewestFirst.after("tenantId", "mobile");
    }
    if (query.taskId() != null) {
      return NewestFirst.after("tenantId", "taskId");
    }
    if (query.status() != null) {
      return NewestFirst.after("tenantId", "status");
    }
    return NewestFirst.after("tenantId");
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
