package com.smsportal.user;

import com.smsportal.tenant.TenantStatus;
import com.smsportal.tenant.TenantStatusChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** Ends every session of a suspended tenant's users, once the suspension is committed. */
@Component
class TenantSessions {

  private static final Logger log = LoggerFactory.getLogger(TenantSessions.class);

  private final SessionRegistry sessions;

  TenantSessions(SessionRegistry sessions) {
    this.sessions = sessions;
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void onStatusChange(TenantStatusChanged change) {
    if (change.status() != TenantStatus.SUSPENDED) {
      return;
    }
    int ended = 0;
    for (Object principal : sessions.getAllPrincipals()) {
      if (principal instanceof PortalUserDetails user
          && Long.valueOf(change.tenantId()).equals(user.tenantId())) {
        for (SessionInformation session : sessions.getAllSessions(principal, false)) {
          session.expireNow();
          ended++;
        }
      }
    }
    log.info("Tenant {} suspended: {} session(s) ended", change.tenantId(), ended);
  }
}
