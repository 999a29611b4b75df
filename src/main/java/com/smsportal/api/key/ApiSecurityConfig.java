package com.smsportal.api.key;

import com.smsportal.api.ApiProperties;
import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditDetail;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.user.ClientThrottle;
import java.time.Clock;
import java.util.Locale;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The security chain of {@code /api/**}, before the pages' chain ({@code user.SecurityConfig},
 * order 2): a key in {@code Authorization: Bearer} is the only credential ({@link ApiKeyFilter});
 * no session is read or made, no CSRF token (no cookie authenticates, so there is nothing to
 * forge), no form login, no saved request. {@code send} may post messages, {@code read} may read;
 * anything else is 403. The pages' chain has no bearer filter, so a key there is no credential at
 * all.
 */
@Configuration
@EnableConfigurationProperties(ApiProperties.class)
class ApiSecurityConfig {

  static final String API = "/api/**";

  /** A key without the scope of its request: audited with the key's name as the actor. */
  private static void refusedScope(
      AuditLog audit, jakarta.servlet.http.HttpServletRequest request) {
    Object principal =
        org.springframework.security.core.context.SecurityContextHolder.getContext()
            .getAuthentication()
            .getPrincipal();
    Long tenant = principal instanceof ApiKeyPrincipal key ? key.tenantId() : null;
    audit.record(
        AuditEntry.failure(
                AuditAction.API_REQUEST_REFUSED,
                request.getMethod() + " " + request.getRequestURI())
            .tenant(tenant, null)
            .detail(AuditDetail.of("api.audit.refused.scope")));
  }

  @Bean
  @Order(0)
  SecurityFilterChain apiChain(
      HttpSecurity http,
      KeyCheck check,
      KeyRate rate,
      ClientThrottle throttle,
      AuditLog audit,
      MessageSource messages,
      JsonMapper json,
      Clock clock)
      throws Exception {
    ApiKeyFilter keys = new ApiKeyFilter(check, rate, throttle, audit, messages, json, clock);
    return http.securityMatcher(API)
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(HttpMethod.POST, "/api/v1/messages")
                    .hasAuthority(ApiScope.SEND.authority())
                    .requestMatchers(HttpMethod.GET, "/api/v1/**")
                    .hasAuthority(ApiScope.READ.authority())
                    .anyRequest()
                    .denyAll())
        .addFilterBefore(keys, AnonymousAuthenticationFilter.class)
        .exceptionHandling(
            ex ->
                ex.authenticationEntryPoint(
                        (request, response, failure) -> {
                          response.setHeader("WWW-Authenticate", "Bearer");
                          ApiProblem.write(
                              response,
                              ApiProblem.of(
                                  messages,
                                  ApiProblem.locale(request),
                                  HttpStatus.UNAUTHORIZED,
                                  "key-missing"),
                              json);
                        })
                    .accessDeniedHandler(
                        (request, response, denied) -> {
                          refusedScope(audit, request);
                          Locale locale = ApiProblem.locale(request);
                          ApiProblem.write(
                              response,
                              ApiProblem.of(messages, locale, HttpStatus.FORBIDDEN, "scope"),
                              json);
                        }))
        .securityContext(
            c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .csrf(csrf -> csrf.disable())
        .formLogin(form -> form.disable())
        .httpBasic(basic -> basic.disable())
        .logout(logout -> logout.disable())
        .anonymous(anonymous -> anonymous.disable())
        .build();
  }
}
