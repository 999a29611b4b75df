package com.smsportal.user;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * What a request gets whose session has ended (expired, ended on another device, outlived): a page
 * goes to the login; an htmx call gets 401 with {@code HX-Refresh}, so that htmx reloads the whole
 * page, which then goes to the login, instead of swapping the login form into a table cell.
 */
final class EndedSession {

  private EndedSession() {}

  static boolean isHtmx(HttpServletRequest request) {
    return HtmxRequest.fromRequest(request).isHtmxRequest();
  }

  static void answer(HttpServletRequest request, HttpServletResponse response, String loginPath)
      throws IOException {
    if (isHtmx(request)) {
      response.setHeader("HX-Refresh", "true");
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    } else {
      response.sendRedirect(request.getContextPath() + loginPath);
    }
  }
}
