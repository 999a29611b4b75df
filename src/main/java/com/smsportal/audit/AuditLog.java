package com.smsportal.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit module's facade: records an entry in the caller's transaction, so that a change and its
 * record are stored together or not at all.
 */
@Service
public class AuditLog {

  static final String SYSTEM = "system";
  static final String ANONYMOUS = "anonymous";

  private final AuditEventRepository events;
  private final Clock clock;

  AuditLog(AuditEventRepository events, Clock clock) {
    this.events = events;
    this.clock = clock;
  }

  /** Records an action of the logged-in user (or of the system, outside any request). */
  @Transactional
  public void record(AuditEntry entry) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getPrincipal())) {
      recordAs(currentRequest() == null ? SYSTEM : ANONYMOUS, null, entry);
      return;
    }
    String role =
        auth.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .filter(a -> a.startsWith("ROLE_"))
            .map(a -> a.substring("ROLE_".length()))
            .findFirst()
            .orElse(null);
    recordAs(auth.getName(), role, entry);
  }

  /** Records an action whose actor is known but not logged in (yet): a login attempt. */
  @Transactional
  public void recordAs(String actor, String actorRole, AuditEntry entry) {
    HttpServletRequest request = currentRequest();
    String ip = request == null ? null : request.getRemoteAddr();
    events.save(new AuditEvent(clock.instant(), actor, actorRole, ip, entry));
  }

  private static HttpServletRequest currentRequest() {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
  }
}
