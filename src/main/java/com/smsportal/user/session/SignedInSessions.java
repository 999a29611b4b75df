package com.smsportal.user.session;

import com.smsportal.user.account.PortalUserDetails;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The session of a signed-in user: its clocks (the idle timeout, and the moment that starts the
 * absolute lifetime, which {@link SessionLifetimeFilter} holds it to) and the principal it keeps.
 */
@Component
public class SignedInSessions {

  /** When the session's user signed in; {@link SessionLifetimeFilter} ends it a lifetime later. */
  static final String SIGNED_IN_AT = SignedInSessions.class.getName() + ".SIGNED_IN_AT";

  private final SessionProperties properties;
  private final UserDetailsService userDetails;
  private final Clock clock;
  private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

  SignedInSessions(SessionProperties properties, UserDetailsService userDetails, Clock clock) {
    this.properties = properties;
    this.userDetails = userDetails;
    this.clock = clock;
  }

  /** Starts the session's clocks: called for every completed sign-in. */
  public void started(HttpSession session) {
    session.setAttribute(SIGNED_IN_AT, clock.instant());
    // Recorded now, so that a page's request only ever changes it: the first write of an
    // attribute is an INSERT, which requests of one session at once would each make (issue 27).
    session.setAttribute(BackgroundPolls.LAST_ACTIVITY, System.currentTimeMillis());
    session.setMaxInactiveInterval((int) properties.sessionIdleTimeout().toSeconds());
  }

  /** Whether the session began longer than the absolute lifetime ago. */
  boolean outlived(HttpSession session) {
    Object at = session.getAttribute(SIGNED_IN_AT);
    return at instanceof Instant signedIn
        && !signedIn.plus(properties.sessionLifetime()).isAfter(clock.instant());
  }

  /**
   * Puts a fresh principal in this session (after a password change or an enrolment, so that what
   * the session knows of its user is current) and gives the session a new id.
   */
  public void refresh(String username, HttpServletRequest request, HttpServletResponse response) {
    PortalUserDetails fresh = (PortalUserDetails) userDetails.loadUserByUsername(username);
    fresh.eraseCredentials();
    request.changeSessionId();
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities()));
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
  }
}
