package com.smsportal.user.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * Where a CSRF token is kept: in the session of a request that has one (a signed-in user, a sign-in
 * waiting for its code), otherwise in a cookie ({@code XSRF-TOKEN}, HTTP-only, the double-submit
 * pattern). So the login form of an anonymous visitor works without any row in the session store:
 * anonymous requests store nothing server-side. Pages read the token from the request as before
 * ({@code _csrf}), whichever holds it; the header htmx sends keeps its name ({@code X-CSRF-TOKEN}).
 */
public final class SessionOrCookieCsrfTokens implements CsrfTokenRepository {

  public static final String COOKIE = "XSRF-TOKEN";
  static final String HEADER = "X-CSRF-TOKEN";

  private final HttpSessionCsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();
  private final CookieCsrfTokenRepository cookies = new CookieCsrfTokenRepository();

  public SessionOrCookieCsrfTokens() {
    cookies.setCookieName(COOKIE);
    cookies.setHeaderName(HEADER);
    cookies.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
  }

  @Override
  public CsrfToken generateToken(HttpServletRequest request) {
    return sessions.generateToken(request);
  }

  @Override
  public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
    if (request.getSession(false) != null) {
      sessions.saveToken(token, request, response);
      if (token == null) {
        // A sign-in or a sign-out: the anonymous token of before is not to be used again.
        cookies.saveToken(null, request, response);
      }
    } else {
      cookies.saveToken(token, request, response);
    }
  }

  @Override
  public CsrfToken loadToken(HttpServletRequest request) {
    return request.getSession(false) != null
        ? sessions.loadToken(request)
        : cookies.loadToken(request);
  }
}
