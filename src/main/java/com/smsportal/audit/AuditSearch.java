package com.smsportal.audit;

import com.smsportal.web.LikePatterns;
import com.smsportal.web.Times;
import jakarta.persistence.criteria.Predicate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the log newest first, by keyset: each page starts below the last id seen. */
@Service
class AuditSearch {

  private final AuditEventRepository events;

  AuditSearch(AuditEventRepository events) {
    this.events = events;
  }

  @Transactional(readOnly = true)
  List<AuditRecord> page(AuditQuery query, Long beforeId, int limit) {
    return events
        .findBy(
            matching(query, beforeId),
            q -> q.sortBy(Sort.by(Sort.Direction.DESC, "id")).limit(limit).all())
        .stream()
        .map(AuditEvent::toRecord)
        .toList();
  }

  private static Specification<AuditEvent> matching(AuditQuery query, Long beforeId) {
    return (root, cq, cb) -> {
      List<Predicate> where = new ArrayList<>();
      if (beforeId != null) {
        where.add(cb.lessThan(root.get("id"), beforeId));
      }
      if (hasText(query.actor())) {
        where.add(
            cb.like(
                cb.lower(root.get("actor")),
                LikePatterns.contains(query.actor()),
                LikePatterns.ESCAPE));
      }
      if (hasText(query.tenant())) {
        where.add(
            cb.like(
                cb.lower(root.get("tenantName")),
                LikePatterns.contains(query.tenant()),
                LikePatterns.ESCAPE));
      }
      if (query.action() != null) {
        where.add(cb.equal(root.get("action"), query.action()));
      }
      if (query.from() != null) {
        Instant start = query.from().atStartOfDay(Times.ZONE).toInstant();
        where.add(cb.greaterThanOrEqualTo(root.get("occurredAt"), start));
      }
      if (query.to() != null) {
        Instant end = query.to().plusDays(1).atStartOfDay(Times.ZONE).toInstant();
        where.add(cb.lessThan(root.get("occurredAt"), end));
      }
      return cb.and(where.toArray(Predicate[]::new));
    };
  }

  private static boolean hasText(String value) {
    return value != null && !value.isBlank();
  }
}
