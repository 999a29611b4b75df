package com.smsportal.api.key;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditDetail;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.user.ClientThrottle;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authenticates a request of {@code /api/**} by its {@code Authorization: Bearer} key, and nothing
 * else (a session cookie is never looked at). In order: an address the sign-in throttle slows gets
 * 429 without its key being looked at; a missing, malformed, unknown, revoked or expired key gets
 * 401 with {@code WWW-Authenticate: Bearer}, is audited with its reason (and the key's prefix,
 * never the key) and counts as a failure of the address; a key over its rate gets 429 with {@code
 * Retry-After}. Only then is the key's principal the request's, for this request only.
 */
class ApiKeyFilter extends OncePerRequestFilter {

  /** The authority every key has besides its scopes; what the audit log names as its role. */
  static final String ROLE = "ROLE_API_KEY";

  private final KeyCheck check;
  private final KeyRate rate;
  private final ClientThrottle throttle;
  private final AuditLog audit;
  private final MessageSource messages;
  private final JsonMapper json;
  private final Clock clock;

  ApiKeyFilter(
      KeyCheck check,
      KeyRate rate,
      ClientThrottle throttle,
      AuditLog audit,
      MessageSource messages,
      JsonMapper json,
      Clock clock) {
    this.check = check;
    this.rate = rate;
    this.throttle = throttle;
    this.audit = audit;
    this.messages = messages;
    this.json = json;
    this.clock = clock;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Locale locale = ApiProblem.locale(request);
    String address = request.getRemoteAddr();
    Optional<Instant> slowed = throttle.slowedUntil(address);
    if (slowed.isPresent()) {
      long seconds = (Duration.between(clock.instant(), slowed.get()).toMillis() + 999) / 1000;
      tooMany(response, locale, seconds, "address-throttled");
      return;
    }
    KeyCheck.Result result = check.check(request.getHeader("Authorization"));
    if (result.principal() == null) {
      refused(request, response, locale, result);
      return;
    }
    ApiKeyPrincipal principal = result.principal();
    long wait = rate.acquire(principal.keyId());
    if (wait > 0) {
      tooMany(response, locale, wait, "key-throttled");
      return;
    }
    var authorities =
        new java.util.ArrayList<>(
            principal.scopes().stream()
                .map(s -> new SimpleGrantedAuthority(s.authority()))
                .toList());
    authorities.add(new SimpleGrantedAuthority(ROLE));
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private void refused(
      HttpServletRequest request,
      HttpServletResponse response,
      Locale locale,
      KeyCheck.Result result)
      throws IOException {
    String reason = result.refusal().name().toLowerCase(Locale.ROOT);
    audit.recordAs(
        result.prefix() == null ? "api" : "api:" + result.prefix(),
        null,
        AuditEntry.failure(
                AuditAction.API_REQUEST_REFUSED,
                request.getMethod() + " " + request.getRequestURI())
            .tenant(result.tenantId(), null)
            .detail(AuditDetail.of("api.audit.refused." + reason)));
    if (result.refusal() != KeyCheck.Refusal.MISSING
        && result.refusal() != KeyCheck.Refusal.SUSPENDED) {
      // A key that was given and is wrong: a guess, counted like a wrong password.
      throttle.failed(request.getRemoteAddr());
    }
    response.setHeader("WWW-Authenticate", "Bearer");
    ProblemDetail problem =
        ApiProblem.of(messages, locale, HttpStatus.UNAUTHORIZED, "key-" + reason);
    ApiProblem.write(response, problem, json);
  }

  private void tooMany(HttpServletResponse response, Locale locale, long wait, String name)
      throws IOException {
    long seconds = Math.max(1, wait);
    response.setHeader("Retry-After", Long.toString(seconds));
    ApiProblem.write(
        response,
        ApiProblem.of(messages, locale, HttpStatus.TOO_MANY_REQUESTS, name, seconds),
        json);
  }
}
