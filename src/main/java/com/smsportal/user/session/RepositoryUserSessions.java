package com.smsportal.user.session;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * {@link UserSessions} over Spring Session's store in the database: a user's sessions are found by
 * their principal name (indexed) and deleted, so they end on every node. The user's next request
 * carries the id of a session that no longer exists and goes to the login page, which says that the
 * session has ended (the web security rules, {@code SecurityConfig}).
 */
@Component
class RepositoryUserSessions implements UserSessions {

  private final FindByIndexNameSessionRepository<?> sessions;

  RepositoryUserSessions(FindByIndexNameSessionRepository<?> sessions) {
    this.sessions = sessions;
  }

  @Override
  public int endAll(String username, String keepSessionId) {
    int ended = 0;
    for (String id : sessions.findByPrincipalName(username).keySet()) {
      if (!id.equals(keepSessionId)) {
        sessions.deleteById(id);
        ended++;
      }
    }
    return ended;
  }
}
