package com.smsportal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.smsportal.Routes.Route;
import com.smsportal.tenant.TenantService;
import com.smsportal.user.Role;
import com.smsportal.user.UserService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The role × route test (issue 25): every route the application maps, read from its own request
 * mappings, asked by a signed-in user of each role, is allowed or refused (403) as {@link #POLICY}
 * says. A route that no line of the policy covers fails the test, so a new route cannot be
 * forgotten: add a line for it (or let a broader line cover it).
 *
 * <p>"Allowed" means the request got past the rules: anything but 401, 403 or a redirect to the
 * login page (a made-up id answers 404, a form without its fields its errors; both are allowed).
 * The users are new and of a new tenant, so that whatever an allowed request does touches nobody
 * else; each role signs in once.
 */
@PortalIntegrationTest
class RoleRouteIntegrationTests {

  /** The roles of a tenant's users and of the operator's staff. */
  private static final Set<Role> TENANT = EnumSet.of(Role.TENANT_ADMIN, Role.SENDER, Role.VIEWER);

  private static final Set<Role> STAFF = EnumSet.of(Role.SUPPORT, Role.ADMIN);
  private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
  private static final Set<Role> SENDERS = EnumSet.of(Role.TENANT_ADMIN, Role.SENDER);

  /** Senders, and staff looking at a tenant's pages ("view as tenant": reading only). */
  private static final Set<Role> SENDERS_AND_STAFF =
      EnumSet.of(Role.TENANT_ADMIN, Role.SENDER, Role.SUPPORT, Role.ADMIN);

  /**
   * Who may use which route: one line per path pattern (Ant style: {@code /jobs/**} is {@code
   * /jobs} and all below it) and kind of method. The most specific line that matches decides, so a
   * line may be added anywhere. {@link Access#PUBLIC} routes are left to {@code
   * SecurityIntegrationTests}; {@link Access#BEARER_KEY_ONLY} routes answer every session 401.
   */
  private static final List<Rule> POLICY =
      List.of(
          new Rule("/login/**", Methods.ANY, Access.PUBLIC),
          new Rule("/error/**", Methods.ANY, Access.PUBLIC),
          new Rule("/simulator/*.aspx", Methods.ANY, Access.PUBLIC),
          // Everyone's own: the dashboard and their own account (password, second factor).
          new Rule("/", Methods.ANY, Access.of(EVERYONE)),
          new Rule("/account/**", Methods.ANY, Access.of(EVERYONE)),
          // Staff must keep their second factor; a tenant's user may turn an optional one off.
          new Rule("/account/two-factor/off", Methods.WRITE, Access.of(TENANT)),
          // The dashboard's panels (staff not viewing a tenant have none: 404, not a refusal).
          new Rule("/dashboard/**", Methods.ANY, Access.of(EVERYONE)),
          // Reading jobs, receipts, replies and their exports: viewers too; acting: senders.
          new Rule("/jobs/**", Methods.READ, Access.of(EVERYONE)),
          new Rule("/jobs/**", Methods.WRITE, Access.of(SENDERS)),
          new Rule("/receipts/**", Methods.READ, Access.of(EVERYONE)),
          new Rule("/receipts/**", Methods.WRITE, Access.of(SENDERS)),
          new Rule("/replies/**", Methods.READ, Access.of(EVERYONE)),
          new Rule("/replies/**", Methods.WRITE, Access.of(SENDERS)),
          // Monthly statements (issue 26): read pages and their downloads, any tenant's for staff.
          new Rule("/statements/**", Methods.READ, Access.of(EVERYONE)),
          // Sending and what a send uses: never a viewer.
          new Rule("/send/**", Methods.READ, Access.of(SENDERS_AND_STAFF)),
          new Rule("/send/**", Methods.WRITE, Access.of(SENDERS)),
          new Rule("/templates/**", Methods.READ, Access.of(SENDERS_AND_STAFF)),
          new Rule("/templates/**", Methods.WRITE, Access.of(SENDERS)),
          new Rule("/signatures/**", Methods.READ, Access.of(SENDERS_AND_STAFF)),
          new Rule("/signatures/**", Methods.WRITE, Access.of(SENDERS)),
          new Rule("/contacts/**", Methods.READ, Access.of(SENDERS_AND_STAFF)),
          new Rule("/contacts/**", Methods.WRITE, Access.of(SENDERS)),
          new Rule("/optouts/**", Methods.READ, Access.of(SENDERS_AND_STAFF)),
          new Rule("/optouts/**", Methods.WRITE, Access.of(SENDERS)),
          // Gateway accounts hold the tenant's credentials: its admins (and support) only.
          new Rule(
              "/accounts/**", Methods.ANY, Access.of(Role.TENANT_ADMIN, Role.SUPPORT, Role.ADMIN)),
          // A tenant's own administration: users (API keys and webhooks join it).
          new Rule("/settings/**", Methods.ANY, Access.of(Role.TENANT_ADMIN)),
          // Every signed-in user's own notices and notice settings (issue 26).
          new Rule("/notifications/**", Methods.ANY, Access.of(EVERYONE)),
          new Rule("/settings/notifications", Methods.ANY, Access.of(EVERYONE)),
          // The HTTP API takes a key, never a session (issue 25, point 3).
          new Rule("/api/**", Methods.ANY, Access.BEARER_KEY_ONLY),
          // The API's OpenAPI description and its page (springdoc): any signed-in user.
          new Rule("/api-docs/**", Methods.ANY, Access.of(EVERYONE)),
          new Rule("/support/**", Methods.ANY, Access.of(STAFF)),
          new Rule("/admin/**", Methods.ANY, Access.of(Role.ADMIN)),
          new Rule("/simulator/**", Methods.ANY, Access.of(Role.ADMIN)));

  /**
   * Routes an allowed role is not sent to, because even without parameters they would change what
   * other tests rely on (the simulator's whole state). Their refusal is still checked.
   */
  private static final Set<String> NOT_CALLED_WHEN_ALLOWED =
      Set.of("POST /simulator/control/reset");

  /** An id no row has: an allowed route answers 404 for it (or its form's errors). */
  private static final long MADE_UP_ID = 987_654_321L;

  private static final String PASSWORD = "a-good-password-25";

  @Autowired MockMvc mvc;
  @Autowired TenantService tenants;
  @Autowired UserService users;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  private final Map<Role, MockHttpSession> sessions = new EnumMap<>(Role.class);

  @BeforeEach
  void oneSignedInUserOfEachRole() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    long tenant = tenants.create("Roles " + suffix).id();
    for (Role role : Role.values()) {
      String name = role.name().toLowerCase().replace('_', '-') + "-" + suffix;
      users.create(name, PASSWORD, role, role.tenantRole() ? tenant : null);
      sessions.put(role, Logins.as(mvc, name, PASSWORD));
    }
  }

  @Test
  void everyRouteIsCoveredByThePolicy() {
    List<String> uncovered =
        routes().stream().filter(r -> rule(r).isEmpty()).map(Route::toString).toList();
    assertThat(uncovered)
        .as("routes without a line in RoleRouteIntegrationTests.POLICY: add one")
        .isEmpty();
  }

  @Test
  void eachRoleIsAllowedOrRefusedEveryRouteAsThePolicySays() throws Exception {
    List<Route> routes = routes();
    assertThat(routes)
        .extracting(Route::pattern)
        .contains("/settings/users", "/settings/users/{id}/role", "/accounts/{id}", "/jobs/export");
    List<String> wrong = new ArrayList<>();
    for (Route route : routes) {
      Access access = rule(route).map(Rule::access).orElse(null);
      if (access == null || access == Access.PUBLIC) {
        continue; // uncovered: the test above names it
      }
      for (Role role : Role.values()) {
        boolean allowed = access.roles().contains(role);
        if (allowed && NOT_CALLED_WHEN_ALLOWED.contains(route.toString())) {
          continue;
        }
        Outcome outcome = ask(route, role);
        Outcome expected =
            access == Access.BEARER_KEY_ONLY
                ? Outcome.UNAUTHORIZED
                : allowed ? Outcome.ALLOWED : Outcome.REFUSED;
        if (outcome != expected) {
          wrong.add(role + " " + route + ": " + outcome + ", expected " + expected);
        }
      }
    }
    assertThat(wrong).as("routes answering a role otherwise than POLICY says").isEmpty();
  }

  @Test
  void aRefusedRoleGetsTheForbiddenPageNotTheLoginPage() throws Exception {
    MockHttpServletResponse response =
        mvc.perform(request(HttpMethod.GET, "/settings/users").session(sessions.get(Role.SENDER)))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).isEqualTo(403);
    assertThat(response.getContentAsString()).doesNotContain("name=\"password\"");
  }

  private Outcome ask(Route route, Role role) throws Exception {
    MockHttpServletResponse response;
    try {
      response =
          mvc.perform(
                  request(route.method(), route.path(MADE_UP_ID))
                      .session(sessions.get(role))
                      .with(csrf()))
              .andReturn()
              .getResponse();
    } catch (Exception failedInTheHandler) {
      // The rules let it through to a handler, which had no use for an empty request.
      return Outcome.ALLOWED;
    }
    int status = response.getStatus();
    String location = response.getRedirectedUrl();
    if (status == 401) {
      return Outcome.UNAUTHORIZED;
    }
    if (status == 403) {
      return Outcome.REFUSED;
    }
    if (location != null && location.matches("(https?://[^/]+)?/login(\\?.*)?")) {
      return Outcome.SENT_TO_LOGIN;
    }
    return Outcome.ALLOWED;
  }

  private List<Route> routes() {
    return Routes.of(mappings);
  }

  /** The most specific line of the policy for the route, if any. */
  private static Optional<Rule> rule(Route route) {
    AntPathMatcher matcher = new AntPathMatcher();
    Comparator<String> specific = matcher.getPatternComparator(route.pattern());
    return POLICY.stream()
        .filter(r -> r.methods().covers(route.method()))
        .filter(r -> matcher.match(r.pattern(), route.pattern()))
        .min(Comparator.comparing(Rule::pattern, specific));
  }

  private enum Outcome {
    ALLOWED,
    REFUSED,
    UNAUTHORIZED,
    SENT_TO_LOGIN
  }

  /** Which methods a line of the policy speaks of: reading (GET, HEAD), changing (the others). */
  enum Methods {
    READ,
    WRITE,
    ANY;

    boolean covers(HttpMethod method) {
      boolean read = method == HttpMethod.GET || method == HttpMethod.HEAD;
      return this == ANY || (this == READ) == read;
    }
  }

  /** The roles a signed-in session may use a route with; or a route not for sessions at all. */
  record Access(Set<Role> roles) {

    /** Open to anybody, signed in or not: {@code SecurityIntegrationTests} proves it. */
    static final Access PUBLIC = new Access(EVERYONE);

    /** Only a bearer key opens it: every session, whatever its role, gets 401. */
    static final Access BEARER_KEY_ONLY = new Access(Set.of());

    static Access of(Role... roles) {
      return new Access(EnumSet.copyOf(List.of(roles)));
    }

    static Access of(Set<Role> roles) {
      return new Access(EnumSet.copyOf(roles));
    }
  }

  /** One line of the policy: an Ant path pattern, a kind of method, who may. */
  record Rule(String pattern, Methods methods, Access access) {}
}
