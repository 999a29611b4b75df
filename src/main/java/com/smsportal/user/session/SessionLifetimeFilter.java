package com.smsportal.user.session;

import com.smsportal.tenant.ViewAsVisits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session its absolute lifetime after its sign-in, however busy it was (the idle timeout
 * ends quiet ones): the request goes to the login page, or for htmx reloads the page, which then
 * does.
 */
public class SessionLifetimeFilter extends OncePerRequestFilter {

  private final SignedInSessions sessions;
  private final ViewAsVisits visits;

  public SessionLifetimeFilter(SignedInSessions sessions, ViewAsVisits visits) {
    this.sessions = sessions;
    this.visits = visits;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session != null && sessions.outlived(session)) {
      // A visit to a tenant's pages ends with the session, and is recorded as such.
      visits.end(session, ViewAsVisits.Ending.EXPIRED);
      session.invalidate();
      SecurityContextHolder.clearContext();
      EndedSession.answer(request, response, "/login?expired");
      return;
    }
    chain.doFilter(request, response);
  }
}
