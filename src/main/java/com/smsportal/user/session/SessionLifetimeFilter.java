package com.smsportal.user.session;

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

  public SessionLifetimeFilter(SignedInSessions sessions) {
    this.sessions = sessions;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session != null && sessions.outlived(session)) {
      session.invalidate();
      SecurityContextHolder.clearContext();
      EndedSession.answer(request, response, "/login?expired");
      return;
    }
    chain.doFilter(request, response);
  }
}
