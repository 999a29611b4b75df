package com.smsportal.user.session;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Deletes the sessions that have expired (unused longer than their idle timeout) from the database.
 * Spring Session's own clean-up would run on every node at once, each deleting the same rows; this
 * one runs on one node at a time (ShedLock, {@link SessionStoreConfig}).
 */
@Component
class SessionCleanup {

  private final JdbcIndexedSessionRepository sessions;

  SessionCleanup(JdbcIndexedSessionRepository sessions) {
    this.sessions = sessions;
  }

  @Scheduled(
      fixedDelayString = "${smsportal.security.session-cleanup-every:PT10M}",
      initialDelayString = "${smsportal.security.session-cleanup-every:PT10M}")
  @SchedulerLock(name = "session-cleanup", lockAtMostFor = "PT5M")
  void cleanUp() {
    // Spring Session logs the number deleted itself (debug).
    sessions.cleanUpExpiredSessions();
  }
}
