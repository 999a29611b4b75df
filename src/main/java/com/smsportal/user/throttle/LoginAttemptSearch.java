package com.smsportal.user.throttle;

import com.smsportal.web.KeysetList;
import com.smsportal.web.NewestFirst;
import com.smsportal.web.PageCursor;
import jakarta.persistence.criteria.Predicate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the login records newest first, by keyset on (attempted_at, id) in time windows below the
 * cursor ({@link NewestFirst}), along the (attempted_at) and (username, attempted_at) indexes: the
 * rows behind the login records page.
 */
@Service
class LoginAttemptSearch implements KeysetList.Rows<LoginAttemptQuery, LoginRecords.Attempt> {

  private static final Sort ORDER = Sort.by(Sort.Order.desc("attemptedAt"), Sort.Order.desc("id"));

  private final LoginAttemptRepository attempts;

  LoginAttemptSearch(LoginAttemptRepository attempts) {
    this.attempts = attempts;
  }

  @Override
  @Transactional(readOnly = true)
  public List<LoginRecords.Attempt> page(LoginAttemptQuery query, PageCursor before, int limit) {
    PageCursor upper =
        before != null || query.until() == null ? before : new PageCursor(query.until(), 0);
    return NewestFirst.page(
        upper,
        query.from(),
        limit,
        (below, atOrAfter, n) ->
            attempts
                .findBy(matching(query, below, atOrAfter), q -> q.sortBy(ORDER).limit(n).all())
                .stream()
                .map(LoginRecords.Attempt::of)
                .toList());
  }

  @Override
  @Transactional(readOnly = true)
  public List<LoginRecords.Attempt> pageBelowId(LoginAttemptQuery query, Long beforeId, int limit) {
    return NewestFirst.belowId(
        beforeId,
        id -> attempts.findById(id).map(LoginRecords.Attempt::of).map(LoginRecords.Attempt::cursor),
        cursor -> page(query, cursor, limit));
  }

  private static Specification<LoginAttempt> matching(
      LoginAttemptQuery query, PageCursor below, Instant atOrAfter) {
    return (root, cq, cb) -> {
      List<Predicate> where = new ArrayList<>();
      if (query.username() != null) {
        where.add(cb.equal(root.get("username"), query.username()));
      }
      if (query.clientIp() != null) {
        where.add(cb.equal(root.get("clientIp"), query.clientIp()));
      }
      if (query.outcomes() != null) {
        where.add(root.get("outcome").in(query.outcomes()));
      }
      if (query.from() != null) {
        where.add(cb.greaterThanOrEqualTo(root.get("attemptedAt"), query.from()));
      }
      if (query.until() != null) {
        where.add(cb.lessThan(root.get("attemptedAt"), query.until()));
      }
      if (atOrAfter != null) {
        where.add(cb.greaterThanOrEqualTo(root.get("attemptedAt"), atOrAfter));
      }
      if (below != null) {
        where.add(
            cb.or(
                cb.lessThan(root.get("attemptedAt"), below.time()),
                cb.and(
                    cb.equal(root.get("attemptedAt"), below.time()),
                    cb.lessThan(root.get("id"), below.id()))));
      }
      return cb.and(where.toArray(Predicate[]::new));
    };
  }
}
