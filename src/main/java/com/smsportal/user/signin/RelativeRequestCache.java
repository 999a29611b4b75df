package com.smsportal.user.signin;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The page a visitor asked for before the login, kept in a cookie (Spring Security's {@link
 * CookieRequestCache}: a path of this portal, never another site) instead of the session, so that
 * an anonymous request stores nothing server-side. Its redirect is relative: the absolute URL
 * Spring builds would name the host from the request's {@code Host} header.
 */
public final class RelativeRequestCache implements RequestCache {

  private final CookieRequestCache cookies = new CookieRequestCache();

  @Override
  public void saveRequest(HttpServletRequest request, HttpServletResponse response) {
    cookies.saveRequest(request, response);
  }

  @Override
  public SavedRequest getRequest(HttpServletRequest request, HttpServletResponse response) {
    SavedRequest saved = cookies.getRequest(request, response);
    return saved == null ? null : new Relative(saved);
  }

  @Override
  public HttpServletRequest getMatchingRequest(
      HttpServletRequest request, HttpServletResponse response) {
    return cookies.getMatchingRequest(request, response);
  }

  @Override
  public void removeRequest(HttpServletRequest request, HttpServletResponse response) {
    cookies.removeRequest(request, response);
  }

  private record Relative(SavedRequest saved) implements SavedRequest {

    @Override
    public String getRedirectUrl() {
      UriComponents url = UriComponentsBuilder.fromUriString(saved.getRedirectUrl()).build();
      String path = url.getPath() == null || url.getPath().isEmpty() ? "/" : url.getPath();
      return url.getQuery() == null ? path : path + "?" + url.getQuery();
    }

    @Override
    public List<Cookie> getCookies() {
      return saved.getCookies();
    }

    @Override
    public String getMethod() {
      return saved.getMethod();
    }

    @Override
    public List<String> getHeaderValues(String name) {
      return saved.getHeaderValues(name);
    }

    @Override
    public Collection<String> getHeaderNames() {
      return saved.getHeaderNames();
    }

    @Override
    public List<Locale> getLocales() {
      return saved.getLocales();
    }

    @Override
    public String[] getParameterValues(String name) {
      return saved.getParameterValues(name);
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      return saved.getParameterMap();
    }
  }
}
