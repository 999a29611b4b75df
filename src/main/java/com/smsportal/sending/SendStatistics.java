package com.smsportal.sending;

import com.smsportal.tenant.TenantContext;
import com.smsportal.web.Times;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends and delivery per day for the dashboard, read-only. Counts the current tenant's rows only:
 * JPQL on tenant-owned entities, which Hibernate filters by the current tenant.
 *
 * <p>A number counts on the day its chunk was accepted by the gateway, and so do its delivered and
 * failed reports, so that a day's delivery rate speaks of that day's messages, whenever their
 * reports came in.
 */
@Service
public class SendStatistics {

  /** The zone of the gateway and of our users: a day begins at 00:00 in Beijing. */
  private static final ZoneId ZONE = Times.ZONE;

  @PersistenceContext private EntityManager entityManager;

  private final Clock clock;

  SendStatistics(Clock clock) {
    this.clock = clock;
  }

  /** The last {@code days} days up to today, oldest first; days without sends have zeros. */
  @Transactional(readOnly = true)
  public List<DailySends> lastDays(int days) {
    if (days < 1 || days > 366) {
      throw new IllegalArgumentException("days must be between 1 and 366");
    }
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZONE);
    return between(today.minusDays(days - 1L), today);
  }

  /**
   * Today's sends of every tenant (support's dashboard): one query, run as the system whoever
   * calls, so that a staff member viewing one tenant still sees the whole portal's day. Outside a
   * transaction on purpose: Hibernate reads the tenant when the session opens, here inside {@code
   * callAs}.
   */
  public SendVolume todayAcrossTenants() {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZONE);
    Object[] sums =
        TenantContext.callAs(
            TenantContext.ALL_TENANTS,
            () ->
                entityManager
                    .createQuery(
                        "select coalesce(sum(c.numberCount), 0),"
                            + " coalesce(sum(c.numberCount * coalesce(c.segments, j.segments)), 0),"
                            + " count(distinct c.tenantId) from SendChunk c, SendJob j"
                            + " where j.id = c.jobId and c.state = :accepted"
                            + " and c.answeredAt >= :from and c.answeredAt < :to",
                        Object[].class)
                    .setParameter("accepted", ChunkState.SUBMITTED)
                    .setParameter("from", today.atStartOfDay(ZONE).toInstant())
                    .setParameter("to", today.plusDays(1).atStartOfDay(ZONE).toInstant())
                    .getSingleResult());
    return new SendVolume(
        today,
        ((Number) sums[0]).longValue(),
        ((Number) sums[1]).longValue(),
        ((Number) sums[2]).longValue());
  }

  /** Each day from {@code first} to {@code last}, both included, oldest first. */
  @Transactional(readOnly = true)
  List<DailySends> between(LocalDate first, LocalDate last) {
    Instant from = first.atStartOfDay(ZONE).toInstant();
    Instant to = last.plusDays(1).atStartOfDay(ZONE).toInstant();

    Map<Long, LocalDate> dayOfChunk = new HashMap<>();
    Map<LocalDate, long[]> counts = new LinkedHashMap<>();
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      counts.put(day, new long[3]);
    }
    List<Object[]> chunks =
        entityManager
            .createQuery(
                "select c.id, c.answeredAt, c.numberCount from SendChunk c"
                    + " where c.state = :accepted and c.answeredAt >= :from and c.answeredAt < :to",
                Object[].class)
            .setParameter("accepted", ChunkState.SUBMITTED)
            .setParameter("from", from)
            .setParameter("to", to)
            .getResultList();
    for (Object[] chunk : chunks) {
      LocalDate day = LocalDate.ofInstant((Instant) chunk[1], ZONE);
      dayOfChunk.put((Long) chunk[0], day);
      counts.get(day)[0] += ((Number) chunk[2]).longValue();
    }
    if (!dayOfChunk.isEmpty()) {
      List<Object[]> outcomes =
          entityManager
              .createQuery(
                  "select n.chunkId, n.state, count(n) from SendNumber n"
                      + " where n.state in :final and n.chunkId in (select c.id from SendChunk c"
                      + " where c.state = :accepted and c.answeredAt >= :from and c.answeredAt < :to)"
                      + " group by n.chunkId, n.state",
                  Object[].class)
              .setParameter("final", List.of(NumberState.DELIVERED, NumberState.FAILED))
              .setParameter("accepted", ChunkState.SUBMITTED)
              .setParameter("from", from)
              .setParameter("to", to)
              .getResultList();
      for (Object[] outcome : outcomes) {
        LocalDate day = dayOfChunk.get((Long) outcome[0]);
        if (day == null) {
          continue; // accepted between the two queries: counted next time
        }
        int column = outcome[1] == NumberState.DELIVERED ? 1 : 2;
        counts.get(day)[column] += ((Number) outcome[2]).longValue();
      }
    }
    List<DailySends> result = new ArrayList<>(counts.size());
    counts.forEach((day, c) -> result.add(new DailySends(day, c[0], c[1], c[2])));
    return result;
  }
}
