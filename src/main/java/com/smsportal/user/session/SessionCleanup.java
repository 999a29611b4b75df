package com.smsportal.user.session;

import com.smsportal.tenant.ViewAsVisit;
import com.smsportal.tenant.ViewAsVisits;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.core.convert.ConversionService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes the sessions that have expired (unused longer than their idle timeout) from the database.
 * Spring Session's own clean-up would run on every node at once, each deleting the same rows; this
 * one runs on one node at a time (ShedLock, {@link SessionStoreConfig}).
 *
 * <p>A session in the database expires without a listener being told (Spring Session's JDBC store
 * publishes no events), so before deleting them this hands the visits to a tenant's pages still
 * open in them ("view as tenant") to {@link ViewAsVisits}, which records each visit's summary; the
 * summaries and the deletion commit together, so a visit is summarized once.
 */
@Component
class SessionCleanup {

  private final JdbcTemplate jdbc;
  private final ViewAsVisits visits;
  private final ConversionService reading =
      TolerantSessionReading.conversions(SessionCleanup.class.getClassLoader());

  SessionCleanup(JdbcTemplate jdbc, ViewAsVisits visits) {
    this.jdbc = jdbc;
    this.visits = visits;
  }

  @Scheduled(
      fixedDelayString = "${smsportal.security.session-cleanup-every:PT10M}",
      initialDelayString = "${smsportal.security.session-cleanup-every:PT10M}")
  @SchedulerLock(name = "session-cleanup", lockAtMostFor = "PT5M")
  @Transactional
  void cleanUp() {
    // Spring Session's own clock: it writes EXPIRY_TIME from the system's time.
    long now = System.currentTimeMillis();
    jdbc.query(
        "select a.ATTRIBUTE_BYTES from SPRING_SESSION s join SPRING_SESSION_ATTRIBUTES a"
            + " on a.SESSION_PRIMARY_ID = s.PRIMARY_ID where s.EXPIRY_TIME < ?"
            + " and a.ATTRIBUTE_NAME = ?",
        row -> {
          if (reading.convert(row.getBytes(1), Object.class) instanceof ViewAsVisit visit) {
            visits.expired(visit);
          }
        },
        now,
        ViewAsVisit.SESSION_ATTRIBUTE);
    // Their attributes go with them (ON DELETE CASCADE, V27), as in Spring Session's own clean-up.
    jdbc.update("delete from SPRING_SESSION where EXPIRY_TIME < ?", now);
  }
}
