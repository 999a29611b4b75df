package com.smsportal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.smsportal.Routes.Route;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.gatewayaccount.GatewayEndpoints;
import com.smsportal.sending.OptOuts;
import com.smsportal.sending.SendJobs;
import com.smsportal.sending.SendOrder;
import com.smsportal.sending.SubmitResult;
import com.smsportal.templates.signature.SignatureApplications;
import com.smsportal.templates.template.TemplateBook;
import com.smsportal.templates.template.TemplateForm;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantOwned;
import com.smsportal.tenant.TenantService;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Tenant isolation, proven from the application's own request mappings and entity model: for every
 * route a customer may reach that has an id in its path, Acme's customer asking for the id of any
 * of Globex's rows gets 404, sees none of Globex's data, and changes none of it. A new route is
 * covered without anyone adding it here; a new tenant-owned entity needs a Globex row below.
 */
@PortalIntegrationTest
class TenantIsolationIntegrationTests {

  /** Routes a customer never reaches at all (403 or not a portal page): tested elsewhere. */
  private static final List<String> NOT_CUSTOMER = List.of("/support/", "/admin/", "/simulator/");

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired EntityManagerFactory entityManagers;
  @Autowired TenantService tenants;
  @Autowired GatewayAccounts accounts;
  @Autowired GatewayEndpoints endpoints;
  @Autowired SendJobs sendJobs;
  @Autowired OptOuts optOuts;
  @Autowired SignatureApplications signatureApplications;
  @Autowired TemplateBook templateBook;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  long acme;
  long globex;
  MockHttpSession acmeCustomer;
  final List<String> acmeKeys = new ArrayList<>();
  int calls;
  String secret;

  @BeforeEach
  void oneGlobexRowOfEveryKind() throws Exception {
    acme = tenants.findByName("Acme").orElseThrow().id();
    globex = tenants.findByName("Globex").orElseThrow().id();
    secret = "Globex-secret-" + UUID.randomUUID().toString().substring(0, 8);
    long account =
        TenantContext.callAs(
            globex,
            () ->
                accounts.ensure(
                    secret,
                    TestEndpoints.of(endpoints, "https://gw.globex.example"),
                    GatewayCharset.GBK,
                    "990077",
                    secret,
                    "Pw-" + secret));
    // A send job (with its chunk and number) due tomorrow: no worker submits it during the test.
    SubmitResult job =
        TenantContext.callAs(
            globex,
            () ->
                sendJobs.submit(
                    new SendOrder(
                        account,
                        "13800138000",
                        "Globex " + secret,
                        Instant.now().plus(Duration.ofDays(1)),
                        "",
                        secret)));
    assertThat(job.accepted()).as(String.valueOf(job.refusal())).isTrue();
    // An opt-out, as a reply adds it (a number no test sends to).
    TenantContext.runAs(globex, () -> optOuts.addFromReply("19900199001", 1));
    // A signature application (pending: an approved one would require it on Globex's sends) and a
    // template (issue 24).
    TenantContext.runAs(globex, () -> signatureApplications.apply("【Globex待审】"));
    TenantContext.runAs(
        globex,
        () ->
            templateBook.save(
                null, new TemplateForm("Globex " + secret, "", "Hi ${name} " + secret)));
    // A contact in a group (issue 24), as Globex's address book keeps them.
    String contactMobile =
        "199"
            + String.format(
                "%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000));
    jdbc.update(
        "insert into contact (tenant_id, mobile, name, fields) values (?, ?, ?, ?)",
        globex,
        contactMobile,
        "Globex contact " + secret,
        "city\u001FGlobex " + secret);
    jdbc.update(
        "insert into contact_group (tenant_id, name) values (?, ?)",
        globex,
        "Globex group " + secret);
    jdbc.update(
        "insert into contact_group_member (group_id, contact_id) select g.id, c.id"
            + " from contact_group g, contact c where g.tenant_id = ? and c.tenant_id = ?"
            + " and g.name = ? and c.mobile = ?",
        globex,
        globex,
        "Globex group " + secret,
        contactMobile);
    // A delivery report and a reply, as the poller stores them.
    PolledRows polled = new PolledRows(jdbc);
    polled.report(
        new PolledRows.Report(
            globex,
            "Globex-task-" + secret,
            "13800138000",
            10,
            Instant.now(),
            "DELIVRD",
            "",
            null));
    polled.reply(
        new PolledRows.Reply(
            globex, "13800138000", "Globex reply " + secret, Instant.now(), "", null, true));
    // An API key (issue 25); Acme's own key asks the API's routes below.
    com.smsportal.api.TestApiKeys.insert(jdbc, globex);
    // Keys of Acme made before the probes (so that their ids are among Acme's), used in turn so
    // that no key meets its own rate limit.
    acmeKeys.clear();
    for (int i = 0; i < 20; i++) {
      acmeKeys.add(com.smsportal.api.TestApiKeys.insert(jdbc, acme));
    }
    // A webhook endpoint (inactive: no worker delivers to it) and a delivery of it (issue 25).
    jdbc.update(
        "insert into webhook_endpoint (tenant_id, url, events, active, created_at, created_by,"
            + " updated_at, updated_by) values (?, ?, 'message.delivered', false,"
            + " CURRENT_TIMESTAMP, 'test', CURRENT_TIMESTAMP, 'test')",
        globex,
        "https://hooks.globex.example/" + secret);
    long hook =
        jdbc.queryForObject(
            "select max(id) from webhook_endpoint where tenant_id = ?", Long.class, globex);
    jdbc.update(
        "insert into webhook_delivery (tenant_id, endpoint_id, event_id, event_type, payload,"
            + " created_at, state, attempts, next_attempt_at, retry_until) values (?, ?, ?,"
            + " 'message.delivered', ?, CURRENT_TIMESTAMP, 'DELIVERED', 1, CURRENT_TIMESTAMP,"
            + " CURRENT_TIMESTAMP)",
        globex,
        hook,
        "msg_" + secret,
        "{\"globex\":\"" + secret + "\"}");
    // A notice of a Globex user (issue 26): notices are their own user's only.
    jdbc.update(
        "insert into notice (user_id, kind, params, link, created_at) select min(id),"
            + " 'TENANT_SUSPENDED', ?, '/', CURRENT_TIMESTAMP from portal_user where tenant_id = ?",
        "Globex notice " + secret,
        globex);
    acmeCustomer = Logins.as(mvc, "acme");
  }

  /**
   * Acme asking for {@code path}: with its customer's session on a page, with its API key on a
   * route of the HTTP API (which no session reaches).
   */
  private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder asAcme(
      Route route, String path) {
    var call = request(route.method(), path);
    return route.isApi()
        ? call.header("Authorization", "Bearer " + acmeKeys.get(calls++ % acmeKeys.size()))
            .contentType("application/json")
        : call.session(acmeCustomer);
  }

  @Test
  void everyTenantOwnedTableHasAGlobexRowToProbeWith() {
    for (String table : tenantTables()) {
      assertThat(globexRows(table))
          .as("a Globex row in " + table + " (add one above)")
          .isNotEmpty();
    }
  }

  @Test
  void acmesCustomerGetsNotFoundForEveryGlobexIdOnEveryRouteAndChangesNothing() throws Exception {
    List<Route> routes = customerRoutesWithIds();
    assertThat(routes).extracting(Route::pattern).contains("/accounts/{id}");
    Set<Long> ids = globexIdsNotAlsoAcmes();
    assertThat(ids).isNotEmpty();
    List<String> globexValues = globexTextValues();
    Map<String, List<Map<String, Object>>> before = globexSnapshot();

    for (Route route : routes) {
      for (long id : ids) {
        String path = route.path(id);
        MockHttpServletResponse response =
            mvc.perform(asAcme(route, path).with(csrf())).andReturn().getResponse();
        String where = route.method() + " " + path;
        assertThat(response.getStatus()).as(where).isEqualTo(404);
        String body = response.getContentAsString();
        for (String value : globexValues) {
          assertThat(body).as(where).doesNotContain(value);
        }
      }
    }
    assertThat(globexSnapshot()).isEqualTo(before);
  }

  /**
   * The list pages and their exports (routes without an id: {@code /jobs}, {@code /jobs/export},
   * {@code /receipts/export}, ...) show Acme's customer none of Globex's rows.
   */
  @Test
  void acmesCustomerSeesNoneOfGlobexsRowsOnAnyListOrExport() throws Exception {
    List<Route> routes =
        Routes.of(mappings).stream()
            .filter(r -> r.method() == HttpMethod.GET)
            .filter(r -> !r.hasVariable() && !r.startsWithAny(NOT_CUSTOMER))
            .toList();
    assertThat(routes).extracting(Route::pattern).contains("/jobs", "/jobs/export");
    List<String> globexValues =
        globexTextValues().stream().filter(v -> v.contains(secret)).toList();
    assertThat(globexValues).isNotEmpty();
    for (Route route : routes) {
      MvcResult result = mvc.perform(asAcme(route, route.path(1))).andReturn();
      MockHttpServletResponse response =
          result.getRequest().isAsyncStarted()
              ? mvc.perform(asyncDispatch(result)).andReturn().getResponse()
              : result.getResponse();
      String body = response.getContentAsString(StandardCharsets.UTF_8);
      for (String value : globexValues) {
        assertThat(body).as(route.toString()).doesNotContain(value);
      }
    }
  }

  private List<Route> customerRoutesWithIds() {
    return Routes.of(mappings).stream()
        .filter(r -> r.hasVariable() && !r.startsWithAny(NOT_CUSTOMER))
        .toList();
  }

  /** The tables of every entity that extends TenantOwned, from Hibernate's own model. */
  private List<String> tenantTables() {
    List<String> tables = new ArrayList<>();
    entityManagers
        .getMetamodel()
        .getEntities()
        .forEach(
            entity -> {
              Class<?> type = entity.getJavaType();
              if (TenantOwned.class.isAssignableFrom(type)) {
                Table table = type.getAnnotation(Table.class);
                tables.add(table != null ? table.name() : type.getSimpleName());
              }
            });
    assertThat(tables).isNotEmpty();
    return tables;
  }

  private List<Map<String, Object>> globexRows(String table) {
    return jdbc.queryForList("select * from " + table + " where tenant_id = ? order by id", globex);
  }

  /** Globex's ids, less any that is also the id of an Acme row somewhere (Acme may see those). */
  private Set<Long> globexIdsNotAlsoAcmes() {
    Set<Long> ids = new TreeSet<>();
    Set<Long> acmes = new TreeSet<>();
    for (String table : tenantTables()) {
      ids.addAll(
          jdbc.queryForList(
              "select id from " + table + " where tenant_id = ?", Long.class, globex));
      acmes.addAll(
          jdbc.queryForList("select id from " + table + " where tenant_id = ?", Long.class, acme));
    }
    // A tenant's users are not tenant-owned rows (sign-in finds them before any tenant is known),
    // but a tenant admin manages its own (/settings/users): Globex's are probed too.
    ids.addAll(
        jdbc.queryForList("select id from portal_user where tenant_id = ?", Long.class, globex));
    acmes.addAll(
        jdbc.queryForList("select id from portal_user where tenant_id = ?", Long.class, acme));
    // A user's notices are not tenant-owned rows either (staff have them too): Globex's users'
    // are probed, Acme's users' are their own to mark read (issue 26).
    String notices =
        "select n.id from notice n join portal_user u on u.id = n.user_id where u.tenant_id = ?";
    ids.addAll(jdbc.queryForList(notices, Long.class, globex));
    acmes.addAll(jdbc.queryForList(notices, Long.class, acme));
    ids.removeAll(acmes);
    return ids;
  }

  /** Globex's readable values worth looking for in a page: names, accounts, URLs. */
  private List<String> globexTextValues() {
    List<String> values = new ArrayList<>();
    for (String table : tenantTables()) {
      for (Map<String, Object> row : globexRows(table)) {
        row.values().stream()
            .filter(v -> v instanceof String s && s.length() >= 6)
            .map(String.class::cast)
            .forEach(values::add);
      }
    }
    return values;
  }

  private Map<String, List<Map<String, Object>>> globexSnapshot() {
    Map<String, List<Map<String, Object>>> snapshot = new LinkedHashMap<>();
    for (String table : tenantTables()) {
      snapshot.put(table, globexRows(table));
    }
    snapshot.put(
        "portal_user",
        jdbc.queryForList("select * from portal_user where tenant_id = ? order by id", globex));
    snapshot.put(
        "notice",
        jdbc.queryForList(
            "select n.* from notice n join portal_user u on u.id = n.user_id"
                + " where u.tenant_id = ? order by n.id",
            globex));
    return snapshot;
  }
}
