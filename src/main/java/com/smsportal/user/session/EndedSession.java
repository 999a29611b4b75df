package com.smsportal.user.session;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * What a request gets whose session has ended (expired, ended on another device, outlived): a page
 * goes to the login; an htmx call gets 401 with {@code HX-Refresh}, so that htmx reloads the whole
 * page, which then goes to the login, instead of swapping the login form into a table cell.
 */
public final class EndedSession {

  private EndedSession() {}

  public static boolean isHtmx(HttpServletRequest request) {
    return HtmxRequest.fromRequest(request).isHtmxRequest();
  }

  /**
   * Whether the request came with the id of a session that no longer exists: ended (by a password
   * change, a suspension, an administrator), or unused past its idle timeout. Sessions are kept in
   * the database, so a node's restart does not end them.
   */
  public static boolean wasEnded(HttpServletRequest request) {
    return request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
  }

  public static void answer(
      HttpServletRequest request, HttpServletResponse response, String loginPath)
      throws IOException {
    if (isHtmx(request)) {
      response.setHeader("HX-Refresh", "true");
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    } else {
      response.sendRedirect(request.getContextPath() + loginPath);
    }
  }
}
