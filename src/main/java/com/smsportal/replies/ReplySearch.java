package com.smsportal.replies;

import com.smsportal.tenant.TenantContext;
import com.smsportal.web.KeysetList;
import com.smsportal.web.LikePatterns;
import com.smsportal.web.NewestFirst;
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
 * Reads the current tenant's replies newest first, by keyset on (received_at, id) along the
 * (tenant_id, [mobile,] received_at, id) indexes.
 */
@Service
class ReplySearch implements KeysetList.Rows<ReplyQuery, ReplyView> {

  private final NewestFirstSearch<ReplyEntry, ReplyQuery, ReplyView> replies;

  ReplySearch(ReplyRepository entries) {
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
