package com.smsportal.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit module's facade: records an entry in the caller's transaction, so that a change and its
 * record are stored together or not at all.
 */
@Service
public class AuditLog {

  private final AuditEventRepository events;
  private final Clock clock;

  AuditLog(AuditEventRepository events, Clock clock) {
    this.events = events;
    this.clock = clock;
  }

  /** Records an action of the {@link CurrentActor}. */
  @Transactional
  public void record(AuditEntry entry) {
    recordAs(CurrentActor.name(), CurrentActor.role(), entry);
  }

  /** Records an action whose actor is known but not logged in (yet): a login attempt. */
  @Transactional
  public void recordAs(String actor, String actorRole, AuditEntry entry) {
    HttpServletRequest request = CurrentActor.request();
    String ip = request == null ? null : request.getRemoteAddr();
    events.save(new AuditEvent(clock.instant(), actor, actorRole, ip, entry));
  }
}
