package com.smsportal.user;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.tenant.ViewAsReadOnly;
import com.smsportal.tenant.ViewAsVisits;
import com.smsportal.user.account.PortalUserDetails;
import com.smsportal.user.session.BackgroundPolls;
import com.smsportal.user.session.EndedSession;
import com.smsportal.user.session.SessionLifetimeFilter;
import com.smsportal.user.session.SessionOrCookieCsrfTokens;
import com.smsportal.user.session.SignedInSessions;
import com.smsportal.user.signin.RelativeRequestCache;
import com.smsportal.user.signin.SignInDetails;
import com.smsportal.user.signin.SignInHandlers;
import com.smsportal.user.signin.SignIns;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.session.ConcurrentSessionFilter;

/** Who may reach which route. Every rule is enforced here, on the server, whatever a page shows. */
@Configuration
class SecurityConfig {

  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
          + "form-action 'self'; frame-ancestors 'none'";

  /**
   * The simulated gateway's own paths ({@code sms.aspx} and the others), as a gateway client calls
   * them.
   */
  static final String SIMULATOR_GATEWAY = "/simulator/*.aspx";

  /** A tenant's pages a viewer reads (and exports); acting in them takes a sender. */
  static final String[] READ_PAGES = {"/jobs/**", "/receipts/**", "/replies/**", "/statements/**"};

  /** A tenant's pages for sending and what a send uses: senders (and tenant admins) only. */
  static final String[] SENDER_PAGES = {
    "/send/**", "/optouts/**", "/templates/**", "/signatures/**", "/contacts/**"
  };

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  RoleHierarchy roleHierarchy() {
    return RoleHierarchyImpl.fromHierarchy(Role.HIERARCHY);
  }

  /**
   * Health is public; every other actuator endpoint needs the metrics token ({@link MetricsToken},
   * a bearer token of its own). No portal user's password is accepted here: a password without a
   * code would otherwise sign in (and reach the login counters) where no code can be asked for.
   */
  @Bean
  @Order(1)
  SecurityFilterChain actuatorChain(HttpSecurity http, MetricsToken metricsToken) throws Exception {
    return http.securityMatcher(EndpointRequest.toAnyEndpoint())
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(EndpointRequest.to("health"))
                    .permitAll()
                    .anyRequest()
                    .hasRole(MetricsToken.ROLE))
        .addFilterBefore(metricsToken.filter(), AnonymousAuthenticationFilter.class)
        .exceptionHandling(
            ex ->
                ex.authenticationEntryPoint(
                    (request, response, failure) -> {
                      response.setHeader("WWW-Authenticate", "Bearer");
                      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                    }))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .csrf(csrf -> csrf.disable())
        .build();
  }

  /** The login page by a relative redirect: never an address built from the request's Host. */
  private static LoginUrlAuthenticationEntryPoint toLogin() {
    LoginUrlAuthenticationEntryPoint toLogin = new LoginUrlAuthenticationEntryPoint("/login");
    toLogin.setFavorRelativeUris(true);
    return toLogin;
  }

  @Bean
  @Order(2)
  SecurityFilterChain webChain(
      HttpSecurity http,
      AuthenticationManager authenticationManager,
      AuditLog audit,
      SignIns signIns,
      SignedInSessions sessions,
      ViewAsVisits visits)
      throws Exception {
    // An anonymous request stores nothing server-side: the page asked for before the login and the
    // login form's CSRF token live in cookies until a sign-in makes a session.
    RequestCache requestCache = new RelativeRequestCache();
    SavedRequestAwareAuthenticationSuccessHandler signedIn = SignInHandlers.success(signIns);
    signedIn.setRequestCache(requestCache);
    return http.authenticationManager(authenticationManager)
        // Where Spring Security's own check of ended sessions would run (sessions ended by
        // UserSessions are deleted from the store instead, and so are simply gone).
        .addFilterAfter(new SessionLifetimeFilter(sessions, visits), ConcurrentSessionFilter.class)
        // The notices' bell polls every 30 s: no reason to keep an abandoned tab signed in.
        .addFilterAfter(
            new BackgroundPolls(session -> visits.end(session, ViewAsVisits.Ending.EXPIRED)),
            SessionLifetimeFilter.class)
        // Viewing a tenant is read-only: a change is turned back with a page that says why, before
        // the role rules below would answer a bare 403.
        .addFilterBefore(new ViewAsReadOnly(), AuthorizationFilter.class)
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        "/login",
                        SignInHandlers.CODE_PAGE,
                        "/error",
                        "/assets/**",
                        "/webjars/**",
                        "/favicon.ico")
                    .permitAll()
                    // The upstream stand-in's gateway paths answer gateway clients, which do not
                    // log in: the simulated gateway checks their userid, account and password.
                    .requestMatchers(SIMULATOR_GATEWAY)
                    .permitAll()
                    // Its control and pages (demo only) show every tenant's sends: admins only.
                    .requestMatchers("/simulator/**")
                    .hasRole(Role.ADMIN.name())
                    .requestMatchers("/admin/**")
                    .hasRole(Role.ADMIN.name())
                    .requestMatchers("/support/**")
                    .hasRole(Role.SUPPORT.name())
                    // Every signed-in user's own notice settings (issue 26), whatever the role.
                    .requestMatchers("/settings/notifications")
                    .authenticated()
                    // A tenant's own administration (users, API keys, webhooks): its admins only.
                    .requestMatchers("/settings/**")
                    .hasRole(Role.TENANT_ADMIN.name())
                    // Gateway accounts hold the tenant's credentials: never a sender or a viewer.
                    .requestMatchers("/accounts/**")
                    .hasAnyRole(Role.TENANT_ADMIN.name(), Role.SUPPORT.name())
                    // Staff may look at a tenant's pages ("view as tenant"), never act in them.
                    .requestMatchers(HttpMethod.GET, READ_PAGES)
                    .hasAnyRole(Role.VIEWER.name(), Role.SUPPORT.name())
                    .requestMatchers(HttpMethod.GET, SENDER_PAGES)
                    .hasAnyRole(Role.SENDER.name(), Role.SUPPORT.name())
                    .requestMatchers(READ_PAGES)
                    .hasRole(Role.SENDER.name())
                    .requestMatchers(SENDER_PAGES)
                    .hasRole(Role.SENDER.name())
                    .anyRequest()
                    .authenticated())
        .formLogin(
            form ->
                form.loginPage("/login")
                    .authenticationDetailsSource(SignInDetails::new)
                    .failureHandler(SignInHandlers.failure())
                    .successHandler(signedIn)
                    .permitAll())
        .logout(
            logout ->
                logout
                    .logoutUrl("/logout")
                    // Signing out ends a visit to a tenant's pages ("view as tenant").
                    .addLogoutHandler(
                        (request, response, auth) ->
                            visits.end(request.getSession(false), ViewAsVisits.Ending.SIGNED_OUT))
                    .addLogoutHandler(
                        (request, response, auth) -> {
                          if (auth != null
                              && auth.getPrincipal() instanceof PortalUserDetails user) {
                            audit.recordAs(
                                user.getUsername(),
                                user.role().name(),
                                AuditEntry.success(AuditAction.LOGOUT, (String) null)
                                    .tenant(user.tenantId(), user.tenantName()));
                          }
                        })
                    .logoutSuccessUrl("/login?logout"))
        .csrf(
            csrf ->
                csrf.csrfTokenRepository(new SessionOrCookieCsrfTokens())
                    .ignoringRequestMatchers(SIMULATOR_GATEWAY))
        .requestCache(cache -> cache.requestCache(requestCache))
        .exceptionHandling(
            ex ->
                ex.defaultAuthenticationEntryPointFor(
                        (request, response, failure) ->
                            EndedSession.answer(request, response, "/login"),
                        EndedSession::isHtmx)
                    // A request with the id of an ended session: the login page says so.
                    .defaultAuthenticationEntryPointFor(
                        (request, response, failure) ->
                            EndedSession.answer(request, response, "/login?expired"),
                        EndedSession::wasEnded)
                    .defaultAuthenticationEntryPointFor(toLogin(), request -> true))
        .sessionManagement(s -> s.sessionFixation(fixation -> fixation.changeSessionId()))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                    .frameOptions(frame -> frame.deny())
                    .referrerPolicy(
                        referrer ->
                            referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy
                                    .STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
        .build();
  }
}
