package com.smsportal.replies;

import com.smsportal.tenant.TenantContext;
import com.smsportal.web.KeysetList;
import com.smsportal.web.LikePatterns;
import com.smsportal.web.NewestFirst;
import com.smsportal.web.NewestFirstRows;
import com.smsportal.web.NewestFirstSearch;
import com.smsportal.web.PageCursor;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the current tenant's replies newest first, by keyset on (received_at, id) along the
 * (tenant_id, [mobile,] received_at, id) indexes.
 */
@Service
class ReplySearch implements KeysetList.Rows<ReplyQuery, ReplyView> {

  private final NewestFirstSearch<ReplyEntry, ReplyQuery, ReplyView> replies;
  private final NewestFirstRows<ReplyView> exported;

  ReplySearch(ReplyRepository entries, JdbcTemplate jdbc) {
    this.exported =
        new NewestFirstRows<>(
            jdbc,
            "reply",
            "id, account_id, received_at, mobile, content, extno, job_id, opt_out, fetched_at",
            (rs, n) ->
                new ReplyView(
                    rs.getLong("id"),
                    rs.getLong("account_id"),
                    NewestFirstRows.instant(rs, "received_at"),
                    rs.getString("mobile"),
                    rs.getString("content"),
                    rs.getString("extno"),
                    rs.getObject("job_id", Long.class),
                    rs.getBoolean("opt_out"),
                    NewestFirstRows.instant(rs, "fetched_at")));
    this.replies =
        new NewestFirstSearch<>(
            entries,
            entries::findById,
            ReplySearch::conditions,
            ReplyEntry::toView,
            query ->
                TenantContext.current() == TenantContext.ALL_TENANTS
                    ? NewestFirst.ORDER
                    : query.mobile() != null
                        ? NewestFirst.after("tenantId", "mobile")
                        : NewestFirst.after("tenantId"));
  }

  @Override
  @Transactional(readOnly = true)
  public List<ReplyView> page(ReplyQuery query, PageCursor before, int limit) {
    return replies.page(query, before, limit);
  }

  @Override
  @Transactional(readOnly = true)
  public List<ReplyView> pageBelowId(ReplyQuery query, Long beforeId, int limit) {
    return replies.pageBelowId(query, beforeId, limit);
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
  public List<ReplyView> exportAfter(ReplyQuery query, KeysetList.Row last, int limit) {
    NewestFirstRows.Where where = new NewestFirstRows.Where(query.from(), query.until());
    if (query.mobile() != null) {
      where.equal("mobile", query.mobile()).along("ix_reply_mobile", "mobile");
    } else {
      where.along("ix_reply_time");
    }
    if (query.text() != null) {
      where.containsLower("content", LikePatterns.contains(query.text()));
    }
    return exported.below(tenant(), where, last == null ? null : last.cursor(), limit);
  }

  private static List<Predicate> conditions(
      ReplyQuery query, Root<ReplyEntry> root, CriteriaBuilder cb) {
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
    return where;
  }
}
