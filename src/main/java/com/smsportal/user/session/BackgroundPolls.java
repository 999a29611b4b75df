package com.smsportal.user.session;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the idle timeout for pages that poll in the background (issue 26: the notices' bell asks
 * for its count every 30 s on every page). Every request touches the session, so such a poll alone
 * would keep an abandoned tab's session alive until its absolute lifetime. A poll is no sign of the
 * user: the session keeps the time of the user's last other request ({@link #LAST_ACTIVITY},
 * written at most once a minute), and a poll that comes when that is older than the idle timeout
 * ends the session as the idle timeout would have (htmx then reloads the page, which goes to the
 * login).
 */
public class BackgroundPolls extends OncePerRequestFilter {

  /** Session attribute: epoch milliseconds of the user's last request that was not a poll. */
  public static final String LAST_ACTIVITY = BackgroundPolls.class.getName() + ".LAST_ACTIVITY";

  /** The paths polled in the background, which do not count as the user's activity. */
  static final Set<String> PATHS = Set.of("/notifications/count");

  /** How stale the recorded activity may be before a request writes it again. */
  static final long GRANULARITY_MILLIS = 60_000;

  private final Consumer<HttpSession> expiring;
  private final LongSupplier millis;

  /**
   * @param expiring told of a session the poll ends (the view-as visit it held ends with it)
   */
  public BackgroundPolls(Consumer<HttpSession> expiring) {
    this(expiring, System::currentTimeMillis);
  }

  BackgroundPolls(Consumer<HttpSession> expiring, LongSupplier millis) {
    this.expiring = expiring;
    this.millis = millis;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session != null) {
      long now = millis.getAsLong();
      long last = lastActivity(session);
      if (isBackground(request)) {
        int idleSeconds = session.getMaxInactiveInterval();
        if (idleSeconds > 0 && now - last > idleSeconds * 1000L) {
          expiring.accept(session);
          session.invalidate();
          SecurityContextHolder.clearContext();
          EndedSession.answer(request, response, "/login?expired");
          return;
        }
      } else if (now - last >= GRANULARITY_MILLIS) {
        session.setAttribute(LAST_ACTIVITY, now);
      }
    }
    chain.doFilter(request, response);
  }

  private static long lastActivity(HttpSession session) {
    return session.getAttribute(LAST_ACTIVITY) instanceof Long at ? at : session.getCreationTime();
  }

  /** Whether the request is a background poll (which is no sign of the user). */
  public static boolean isBackground(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return PATHS.contains(path);
  }
}
