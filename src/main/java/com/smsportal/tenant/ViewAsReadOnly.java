package com.smsportal.tenant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Viewing a tenant is read-only: the pages show every action disabled with the reason, and a change
 * that reaches the server anyway (an old tab, a crafted request) is turned back here, before any
 * rule or controller, with a page that says why and shows what was typed, never a bare 403.
 *
 * <p>The staff member's own requests stay theirs: signing out, their own account ({@code
 * /account/**}, their notices and notice settings), and support's and the administrators' pages
 * (opening one ends the visit).
 */
public final class ViewAsReadOnly extends OncePerRequestFilter {

  /** Flash attribute: a change was refused because the tenant is only being viewed. */
  public static final String REFUSED = "viewAsRefused";

  /** Flash attribute: what the refused form carried, field by field (never a password or token). */
  public static final String REFUSED_INPUT = "viewAsRefusedInput";

  private static final List<String> OWN_PATHS =
      List.of(
          "/logout",
          "/account/",
          "/support/",
          "/admin/",
          "/login",
          // Their own notices and notice settings (issue 26).
          "/notifications/",
          "/settings/notifications");

  /** A field of a refused form, as the page shows it back. */
  public record Field(String name, String value) implements Serializable {}

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (refused(request)) {
      refuse(request, response);
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean refused(HttpServletRequest request) {
    String method = request.getMethod();
    if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
      return false;
    }
    HttpSession session = request.getSession(false);
    if (ViewAsVisits.current(session).isEmpty()) {
      return false;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return OWN_PATHS.stream().noneMatch(path::startsWith);
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (request.getHeader("HX-Request") != null) {
      // A live check or button of a page opened before the visit: nothing to swap, nothing done.
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
      return;
    }
    String back = back(request);
    FlashMap flash = new FlashMap();
    flash.put(REFUSED, Boolean.TRUE);
    flash.put(REFUSED_INPUT, input(request.getParameterMap()));
    // For the page it goes back to only, not whatever request comes next (a panel loading).
    int query = back.indexOf('?');
    flash.setTargetRequestPath(query < 0 ? back : back.substring(0, query));
    new SessionFlashMapManager().saveOutputFlashMap(flash, request, response);
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", back);
  }

  /** What was typed, to copy from the page: never a password, a token or a key. */
  private static List<Field> input(Map<String, String[]> parameters) {
    List<Field> fields = new ArrayList<>();
    parameters.forEach(
        (name, values) -> {
          String lower = name.toLowerCase(Locale.ROOT);
          if (lower.startsWith("_")
              || lower.contains("password")
              || lower.contains("token")
              || lower.contains("secret")
              || lower.contains("idempotency")) {
            return;
          }
          for (String value : values) {
            if (value != null && !value.isBlank()) {
              fields.add(new Field(name, value.length() > 2000 ? value.substring(0, 2000) : value));
            }
          }
        });
    return fields;
  }

  /** The page the form was on (its path only, never another site), else the dashboard. */
  private static String back(HttpServletRequest request) {
    String referer = request.getHeader("Referer");
    if (referer != null) {
      try {
        URI uri = URI.create(referer);
        String path = uri.getRawPath();
        if (path != null && path.startsWith("/") && !path.startsWith("//")) {
          return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        }
      } catch (IllegalArgumentException unreadable) {
        // Not an address: back to the dashboard.
      }
    }
    return request.getContextPath() + "/";
  }
}
