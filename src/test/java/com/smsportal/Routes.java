package com.smsportal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route the application maps, read from its own request mappings, so that tests written over
 * all routes cover a new route without anyone adding it.
 */
public final class Routes {

  /** Where the HTTP API's routes start. */
  public static final String API = "/api/";

  private Routes() {}

  /** One method on one path pattern, e.g. {@code POST /accounts/{id}}. */
  public record Route(HttpMethod method, String pattern) {

    /** The path with every variable replaced by {@code value}. */
    public String path(Object value) {
      return pattern.replaceAll("\\{[^}]+}", value.toString()).replace("/**", "/x");
    }

    public boolean hasVariable() {
      return pattern.contains("{");
    }

    /**
     * A route of the HTTP API (issue 25): it answers JSON to a key in {@code Authorization:
     * Bearer}, never a page, and no session reaches it.
     */
    public boolean isApi() {
      return pattern.startsWith(API);
    }

    public boolean startsWithAny(List<String> prefixes) {
      return prefixes.stream().anyMatch(pattern::startsWith);
    }
  }

  /** A route without a method condition answers every method; GET stands for it. */
  public static List<Route> of(RequestMappingHandlerMapping mappings) {
    List<Route> routes = new ArrayList<>();
    mappings
        .getHandlerMethods()
        .forEach(
            (info, handler) -> {
              if (info.getPathPatternsCondition() == null) {
                return;
              }
              for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                if (methods.isEmpty()) {
                  routes.add(new Route(HttpMethod.GET, pattern));
                }
                methods.forEach(m -> routes.add(new Route(m.asHttpMethod(), pattern)));
              }
            });
    return routes;
  }
}
