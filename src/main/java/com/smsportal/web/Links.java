package com.smsportal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links back to the current page with one query parameter changed, for the language switch and the
 * pagers: {@code th:href="${@links.withParam('page', 2)}"}. Relative, so they survive a proxy.
 */
@Component("links")
public class Links {

  /** One-shot parameters that must not follow the user to the next page. */
  private static final List<String> TRANSIENT = List.of("error", "logout", "expired");

  public String withParam(String name, Object value) {
    HttpServletRequest request = currentRequest();
    return current(request.getRequestURI(), request)
        .replaceQueryParam(name, value)
        .build()
        .toUriString();
  }

  /** The current page with its query less one parameter: back to a list's first page. */
  public String withoutParam(String name) {
    HttpServletRequest request = currentRequest();
    return current(request.getRequestURI(), request).replaceQueryParam(name).build().toUriString();
  }

  /** Another path with the current page's query, less the named parameters: an export link. */
  public String pathWithQuery(String path, String... without) {
    HttpServletRequest request = currentRequest();
    UriComponentsBuilder builder = current(request.getContextPath() + path, request);
    for (String name : without) {
      builder.replaceQueryParam(name);
    }
    return builder.build().toUriString();
  }

  private static UriComponentsBuilder current(String path, HttpServletRequest request) {
    UriComponentsBuilder builder =
        UriComponentsBuilder.fromPath(path).query(request.getQueryString());
    TRANSIENT.forEach(builder::replaceQueryParam);
    return builder;
  }

  private static HttpServletRequest currentRequest() {
    return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
        .getRequest();
  }
}
