package com.smsportal.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * One URL serves the whole page and, to htmx, only the fragment it swaps: {@code return
 * Htmx.isRequest(request) ? PARTIAL : VIEW;}
 */
public final class Htmx {

  private Htmx() {}

  /** True for a request htmx made, except a history restore, which needs the whole page. */
  public static boolean isRequest(HttpServletRequest request) {
    return "true".equals(request.getHeader("HX-Request"))
        && !"true".equals(request.getHeader("HX-History-Restore-Request"));
  }
}
