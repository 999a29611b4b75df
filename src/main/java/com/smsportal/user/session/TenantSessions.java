package com.smsportal.user.session;

import com.smsportal.tenant.TenantStatus;
import com.smsportal.tenant.TenantStatusChanged;
import com.smsportal.user.account.PortalUserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** Ends every session of a suspended tenant's users, once the suspension is committed. */
@Component
class TenantSessions {

  private static final Logger log = LoggerFactory.getLogger(TenantSessions.class);

  private final UserSessions sessions;
  private final PortalUserRepository users;

  TenantSessions(UserSessions sessions, PortalUserRepository users) {
    this.sessions = sessions;
    this.users = users;
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void onStatusChange(TenantStatusChanged change) {
    if (change.status() != TenantStatus.SUSPENDED) {
      return;
    }
    int ended =
        users.findByTenantIdOrderByUsername(change.tenantId()).stream()
            .mapToInt(user -> sessions.endAll(user.getUsername(), null))
            .sum();
    log.info("Tenant {} suspended: {} session(s) ended", change.tenantId(), ended);
  }
}
