package com.smsportal.user;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The credential of the metrics scraper ({@code SMSPORTAL_METRICS_TOKEN}): a bearer token that
 * opens {@code /actuator/**} and nothing else. It is no portal user, so it can neither sign in to a
 * page nor touch a user's login counters; a user's password is not accepted on the actuator. This
 * class keeps only the token's SHA-256 ({@link MetricsProperties} never shows the token itself),
 * and a presented token is compared with it in constant time. Without a token the metrics stay
 * closed (401), which the log says once at start-up.
 */
@Component
@EnableConfigurationProperties(MetricsProperties.class)
class MetricsToken {

  static final String ROLE = "METRICS";

  /** A random token's bytes make a brute force hopeless; a short one is refused at start-up. */
  static final int MIN_LENGTH = 24;

  private static final Logger log = LoggerFactory.getLogger(MetricsToken.class);
  private static final String BEARER = "Bearer ";

  private final byte[] hash;

  MetricsToken(MetricsProperties properties) {
    String token = properties.token();
    if (token.isBlank()) {
      this.hash = null;
      log.info(
          "No metrics token (SMSPORTAL_METRICS_TOKEN): /actuator/prometheus answers 401 to"
              + " everyone");
    } else {
      if (token.strip().length() < MIN_LENGTH) {
        throw new IllegalStateException(
            "smsportal.metrics.token (SMSPORTAL_METRICS_TOKEN) must have at least "
                + MIN_LENGTH
                + " characters; generate one with: openssl rand -hex 32");
      }
      this.hash = sha256(token.strip());
    }
  }

  boolean configured() {
    return hash != null;
  }

  boolean matches(String presented) {
    return hash != null && presented != null && MessageDigest.isEqual(hash, sha256(presented));
  }

  /**
   * Signs the request in as the scraper when it carries the token ({@code Authorization: Bearer
   * …}); anything else leaves it anonymous, and the actuator's rules answer 401.
   */
  OncePerRequestFilter filter() {
    return new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(
          HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null
            && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
            && matches(header.substring(BEARER.length()).strip())) {
          SecurityContext context = SecurityContextHolder.createEmptyContext();
          context.setAuthentication(
              UsernamePasswordAuthenticationToken.authenticated(
                  "metrics-scraper", null, List.of(new SimpleGrantedAuthority("ROLE_" + ROLE))));
          SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
      }
    };
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
