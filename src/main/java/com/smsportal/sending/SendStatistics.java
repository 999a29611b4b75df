package com.smsportal.sending;

import com.smsportal.tenant.TenantContext;
import com.smsportal.web.Times;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends and delivery per day for the dashboard, read-only. Counts the current tenant's rows only:
 * JPQL on tenant-owned entities, which Hibernate filters by the current tenant.
 *
 * <p>A number counts on the day its chunk was accepted by the gateway, and so do its delivered and
 * failed reports, so that a day's delivery rate speaks of that day's messages, whenever their
 * reports came in. The days are kept as they change (table send_day, {@code store.SendDays}).
 */
@Service
public class SendStatistics {

  /** The zone of the gateway and of our users: a day begins at 00:00 in Beijing. */
  private static final ZoneId ZONE = Times.ZONE;

  @PersistenceContext private EntityManager entityManager;

  private final Clock clock;
  private final JdbcTemplate jdbc;

  SendStatistics(Clock clock, JdbcTemplate jdbc) {
    this.clock = clock;
    this.jdbc = jdbc;
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

  /**
   * Each day from {@code first} to {@code last}, both included, oldest first: read from the day
   * counts kept as chunks are accepted and reports come in (issue 27), one row per account and day,
   * so a page view costs the same with ten million numbers as with ten. Plain SQL, filtered by the
   * current tenant explicitly as Hibernate filters JPQL: staff without a viewed tenant see every
   * tenant's, an anonymous caller none.
   */
  @Transactional(readOnly = true)
  List<DailySends> between(LocalDate first, LocalDate last) {
    Map<LocalDate, long[]> counts = new LinkedHashMap<>();
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      counts.put(day, new long[3]);
    }
    long tenant = TenantContext.current();
    String sql =
        "select sent_day, sum(sent), sum(delivered), sum(failed) from send_day"
            + " where sent_day between ? and ?"
            + (tenant == TenantContext.ALL_TENANTS ? "" : " and tenant_id = ?")
            + " group by sent_day";
    Object[] args =
        tenant == TenantContext.ALL_TENANTS
            ? new Object[] {first, last}
            : new Object[] {first, last, tenant};
    jdbc.query(
        sql,
        rs -> {
          long[] day = counts.get(rs.getObject(1, LocalDate.class));
          if (day != null) {
            day[0] += rs.getLong(2);
            day[1] += rs.getLong(3);
            day[2] += rs.getLong(4);
          }
        },
        args);
    List<DailySends> result = new ArrayList<>(counts.size());
    counts.forEach((day, c) -> result.add(new DailySends(day, c[0], c[1], c[2])));
    return result;
  }
}
