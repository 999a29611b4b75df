package com.smsportal.user;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/** {@link UserSessions} over the session registry of this node. */
@Component
class RegistryUserSessions implements UserSessions {

  private final SessionRegistry registry;

  RegistryUserSessions(SessionRegistry registry) {
    this.registry = registry;
  }

  @Override
  public int endAll(String username, String keepSessionId) {
    int ended = 0;
    for (Object principal : registry.getAllPrincipals()) {
      if (principal instanceof PortalUserDetails user && user.getUsername().equals(username)) {
        for (SessionInformation session : registry.getAllSessions(principal, false)) {
          if (!session.getSessionId().equals(keepSessionId)) {
            session.expireNow();
            ended++;
          }
        }
      }
    }
    return ended;
  }
}
