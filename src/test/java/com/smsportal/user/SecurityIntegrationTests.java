package com.smsportal.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.smsportal.Logins;
import com.smsportal.MockMvcSessionCookie;
import com.smsportal.PortalIntegrationTest;
import com.smsportal.Routes;
import com.smsportal.Routes.Route;
import com.smsportal.tenant.TenantService;
import com.smsportal.user.account.PortalUser;
import com.smsportal.user.account.PortalUserRepository;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

@PortalIntegrationTest
class SecurityIntegrationTests {

  /**
   * Routes anybody may reach: the login itself, error pages and the upstream stand-in's gateway
   * paths ({@code /simulator/*.aspx}, see {@link #isSimulatorGateway}).
   */
  private static final List<String> PUBLIC_PREFIXES = List.of("/login", "/error");

  /** Routes for administrators only: the administration and the simulator's pages and control. */
  private static final List<String> ADMIN_PREFIXES = List.of("/admin/", "/simulator/");

  @Autowired MockMvc mvc;
  @Autowired TenantService tenants;
  @Autowired UserService users;
  @Autowired PortalUserRepository userRepository;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void everyNonPublicRouteSendsAnAnonymousUserToTheLoginPage() throws Exception {
    List<Route> routes = routes().stream().filter(r -> !isPublic(r) && !r.isApi()).toList();
    assertThat(routes)
        .extracting(Route::pattern)
        .contains(
            "/",
            "/support/tenants",
            "/admin/logins",
            "/account/two-factor/off",
            "/account/two-factor/recovery-codes.txt");
    for (Route route : routes) {
      MockHttpServletResponse response =
          mvc.perform(request(route.method(), route.path(1)).with(csrf()))
              .andReturn()
              .getResponse();
      assertThat(response.getStatus()).as(route.toString()).isEqualTo(302);
      assertThat(response.getRedirectedUrl()).as(route.toString()).endsWith("/login");
    }
  }

  /**
   * The HTTP API's routes (issue 25) take a key and nothing else: without one they answer 401 with
   * a problem and {@code WWW-Authenticate: Bearer}, whether anonymous or with a signed-in user's
   * session, and make no session.
   */
  @Test
  void everyApiRouteRefusesAnyoneWithoutAKeyEvenASignedInSession() throws Exception {
    List<Route> api = routes().stream().filter(Route::isApi).toList();
    assertThat(api).extracting(Route::pattern).contains("/api/v1/messages", "/api/v1/jobs/{id}");
    MockHttpSession acme = Logins.as(mvc, "acme");
    for (Route route : api) {
      for (MockHttpSession session : java.util.Arrays.asList(null, acme)) {
        var call = request(route.method(), route.path(1)).with(csrf());
        if (session != null) {
          call.session(session);
        }
        MockHttpServletResponse response = mvc.perform(call).andReturn().getResponse();
        String where = route + (session == null ? " anonymous" : " with acme's session");
        assertThat(response.getStatus()).as(where).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).as(where).isEqualTo("Bearer");
        assertThat(response.getContentType()).as(where).startsWith("application/problem+json");
      }
    }
  }

  @Test
  void aCustomerIsRefusedEverySupportAdminAndSimulatorRoute() throws Exception {
    MockHttpSession acme = Logins.as(mvc, "acme");
    List<Route> staffRoutes =
        routes().stream()
            .filter(r -> r.startsWithAny(List.of("/support/", "/admin/", "/simulator/")))
            .filter(r -> !isSimulatorGateway(r))
            .toList();
    assertThat(staffRoutes)
        .extracting(Route::pattern)
        .contains("/simulator/replies", "/simulator/control/faults");
    assertEachRefused(acme, staffRoutes);
  }

  @Test
  void supportReachesTenantManagementButNotAdministration() throws Exception {
    MockHttpSession support = Logins.as(mvc, "support");
    mvc.perform(get("/support/tenants").session(support)).andExpect(status().isOk());
    mvc.perform(get("/admin/logins").session(support)).andExpect(status().isForbidden());
    List<Route> adminRoutes =
        routes().stream()
            .filter(r -> r.startsWithAny(ADMIN_PREFIXES) && !isSimulatorGateway(r))
            .toList();
    assertEachRefused(support, adminRoutes);
  }

  @Test
  void theSimulatorsGatewayPathsArePublicWithoutATokenAndItsPagesAreTheAdministrators()
      throws Exception {
    List<Route> gateway = routes().stream().filter(r -> isSimulatorGateway(r)).toList();
    assertThat(gateway).extracting(Route::pattern).contains("/simulator/sms.aspx");
    for (Route route : gateway) {
      // No session, no CSRF token: a gateway client. The simulator answers it (its own XML).
      int status =
          mvc.perform(request(route.method(), route.path(1))).andReturn().getResponse().getStatus();
      assertThat(status).as(route.toString()).isEqualTo(200);
    }
    MockHttpSession admin = Logins.as(mvc, "admin");
    mvc.perform(get("/simulator/replies").session(admin)).andExpect(status().isOk());
    // The administrator's own session without the page's token: another site's form.
    mvc.perform(
            post("/simulator/control/balance")
                .param("account", "acme")
                .param("balance", "1")
                .session(admin))
        .andExpect(status().isForbidden());
  }

  @Test
  void anAdminReachesSupportAndAdministration() throws Exception {
    MockHttpSession admin = Logins.as(mvc, "admin");
    mvc.perform(get("/support/tenants").session(admin)).andExpect(status().isOk());
    mvc.perform(get("/admin/logins").session(admin)).andExpect(status().isOk());
  }

  @Test
  void aPostWithoutCsrfTokenIsRefused() throws Exception {
    MockHttpSession admin = Logins.as(mvc, "admin");
    mvc.perform(post("/admin/logins/unlock").param("username", "x").session(admin))
        .andExpect(status().isForbidden());
    mvc.perform(post("/login").param("username", "acme").param("password", "demo12345"))
        .andExpect(status().isForbidden());
  }

  @Test
  void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() throws Exception {
    String wrongPassword =
        mvc.perform(formLogin("/login").user("globex").password("not-the-password"))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    String unknownUser =
        mvc.perform(formLogin("/login").user("nobody-" + UUID.randomUUID()).password("x"))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(wrongPassword).isEqualTo("/login?error=bad").isEqualTo(unknownUser);
  }

  @Test
  void theSessionIdChangesAtLogin() throws Exception {
    MockHttpSession session =
        (MockHttpSession) mvc.perform(get("/login")).andReturn().getRequest().getSession(false);
    String before = MockMvcSessionCookie.sessionId(session);
    mvc.perform(
            post("/login")
                .param("username", "acme")
                .param("password", Logins.DEMO_PASSWORD)
                .session(session)
                .with(csrf()))
        .andExpect(redirectedUrl("/"));
    assertThat(MockMvcSessionCookie.sessionId(session)).isNotEqualTo(before);
  }

  @Test
  void anExpiredSessionOnAnHtmxRequestReloadsThePageInsteadOfSwappingInTheLoginForm()
      throws Exception {
    mvc.perform(get("/support/tenants").header("HX-Request", "true"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("HX-Refresh", "true"));
  }

  @Test
  void pagesCarrySecurityHeaders() throws Exception {
    MockHttpServletResponse response = mvc.perform(get("/login")).andReturn().getResponse();
    String csp = response.getHeader("Content-Security-Policy");
    assertThat(csp).contains("frame-ancestors 'none'").contains("script-src 'self'");
    assertThat(csp).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
    assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
  }

  @Test
  void theUsersOfASuspendedTenantCannotLogIn() throws Exception {
    String name = "suspended-" + UUID.randomUUID().toString().substring(0, 8);
    long tenant = tenants.create(name).id();
    users.create(name, "a-good-password", Role.TENANT_ADMIN, tenant);
    Logins.as(mvc, name, "a-good-password");

    tenants.suspend(tenant);
    mvc.perform(formLogin("/login").user(name).password("a-good-password"))
        .andExpect(redirectedUrl("/login?error=disabled"));
    // Before the password is right, a suspended tenant's user looks like anybody else.
    mvc.perform(formLogin("/login").user(name).password("wrong"))
        .andExpect(redirectedUrl("/login?error=bad"));

    tenants.reactivate(tenant);
    Logins.as(mvc, name, "a-good-password");
  }

  @Test
  void healthIsPublicAndMetricsAreClosedWithoutAMetricsToken() throws Exception {
    mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
    // No portal user's password opens the metrics (MetricsTokenIntegrationTests has the token).
    mvc.perform(get("/actuator/prometheus").with(httpBasic("acme", Logins.DEMO_PASSWORD)))
        .andExpect(status().isUnauthorized());
    mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", Logins.DEMO_PASSWORD)))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void passwordsAreStoredAsDelegatingBcryptHashes() {
    PortalUser acme =
        userRepository.findByUsername("acme").orElseThrow(() -> new AssertionError("no acme"));
    assertThat(acme.getPasswordHash()).startsWith("{bcrypt}$2").doesNotContain("demo12345");
  }

  /** Each route, asked with the page's token in {@code session}, answers 403. */
  private void assertEachRefused(MockHttpSession session, List<Route> routes) throws Exception {
    for (Route route : routes) {
      int status =
          mvc.perform(request(route.method(), route.path(1)).session(session).with(csrf()))
              .andReturn()
              .getResponse()
              .getStatus();
      assertThat(status).as(route.toString()).isEqualTo(403);
    }
  }

  private List<Route> routes() {
    return Routes.of(mappings);
  }

  private static boolean isPublic(Route route) {
    return route.startsWithAny(PUBLIC_PREFIXES) || isSimulatorGateway(route);
  }

  /** The simulated gateway's own paths, which gateway clients call without a login. */
  private static boolean isSimulatorGateway(Route route) {
    return route.pattern().startsWith("/simulator/") && route.pattern().endsWith(".aspx");
  }
}
