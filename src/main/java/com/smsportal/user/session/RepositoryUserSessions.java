package com.smsportal.user.session;

import com.smsportal.tenant.ViewAsVisit;
import com.smsportal.tenant.ViewAsVisits;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * {@link UserSessions} over Spring Session's store in the database: a user's sessions are found by
 * their principal name (indexed) and deleted, so they end on every node. The user's next request
 * carries the id of a session that no longer exists and goes to the login page, which says that the
 * session has ended (the web security rules, {@code SecurityConfig}). A visit to a tenant's pages
 * ("view as tenant") open in an ended session is audited as ended with it.
 */
@Component
class RepositoryUserSessions implements UserSessions {

  private final FindByIndexNameSessionRepository<?> sessions;
  private final ViewAsVisits visits;

  RepositoryUserSessions(FindByIndexNameSessionRepository<?> sessions, ViewAsVisits visits) {
    this.sessions = sessions;
    this.visits = visits;
  }

  @Override
  public int endAll(String username, String keepSessionId) {
    int ended = 0;
    for (var session : sessions.findByPrincipalName(username).entrySet()) {
      String id = session.getKey();
      if (!id.equals(keepSessionId)) {
        if (((Session) session.getValue()).getAttribute(ViewAsVisit.SESSION_ATTRIBUTE)
            instanceof ViewAsVisit visit) {
          visits.sessionEnded(visit);
        }
        sessions.deleteById(id);
        ended++;
      }
    }
    return ended;
  }
}
