package com.smsportal.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who is acting now, as the audit log and every "created by" column name them: the signed-in user;
 * {@value #ANONYMOUS} for a request of nobody signed in (a login attempt); {@value #SYSTEM} for
 * work outside any request with nobody signed in (the poller, the send worker, start-up, the demo
 * data). Signed in means an authenticated, named, not anonymous authentication: the one rule every
 * caller shares.
 */
public final class CurrentActor {

  public static final String SYSTEM = "system";
  public static final String ANONYMOUS = "anonymous";

  private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

  private CurrentActor() {}

  /** The signed-in user's name, else {@value #ANONYMOUS} in a request, else {@value #SYSTEM}. */
  public static String name() {
    Authentication user = signedIn();
    if (user != null) {
      return user.getName();
    }
    return request() == null ? SYSTEM : ANONYMOUS;
  }

  /** The signed-in user's role without its {@code ROLE_} prefix; null for nobody signed in. */
  public static String role() {
    Authentication user = signedIn();
    if (user == null) {
      return null;
    }
    return user.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith("ROLE_"))
        .map(a -> a.substring("ROLE_".length()))
        .findFirst()
        .orElse(null);
  }

  /** The request being served on this thread, or null outside any. */
  static HttpServletRequest request() {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
  }

  private static Authentication signedIn() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    boolean signedIn =
        auth != null
            && auth.isAuthenticated()
            && !TRUST.isAnonymous(auth)
            && auth.getName() != null;
    return signedIn ? auth : null;
  }
}
