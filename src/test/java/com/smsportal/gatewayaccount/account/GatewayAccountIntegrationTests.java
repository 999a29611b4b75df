package com.smsportal.gatewayaccount.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.smsportal.Logins;
import com.smsportal.PortalIntegrationTest;
import com.smsportal.TestEndpoints;
import com.smsportal.gatewayaccount.GatewayAccountView;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.gatewayaccount.GatewayEndpoints;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import com.smsportal.user.Role;
import com.smsportal.user.UserService;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Gateway accounts through the pages, as customers and staff use them, down to the stored row.
 * userid and account stay readable in the database (they identify the account, like a user name);
 * the password never does.
 */
@PortalIntegrationTest
class GatewayAccountIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired GatewayAccounts accounts;
  @Autowired TenantService tenants;
  @Autowired UserService users;
  @Autowired JdbcTemplate jdbc;
  @Autowired GatewayEndpoints endpoints;
  @Autowired ApplicationContext context;

  MockHttpSession acme;
  long acmeId;
  long globexId;
  long endpointId;

  /** This test's gateway account name: each gateway account can be registered only once. */
  String gatewayAccount;

  @BeforeEach
  void logIn() throws Exception {
    acme = Logins.as(mvc, "acme");
    acmeId = tenants.findByName("Acme").orElseThrow().id();
    globexId = tenants.findByName("Globex").orElseThrow().id();
    endpointId = TestEndpoints.of(endpoints, "http://gateway.example:8088");
    gatewayAccount = unique("acme-gw");
  }

  @Test
  void aCustomerCreatesListsAndEditsAnAccountAndAnEditWithoutPasswordKeepsIt() throws Exception {
    String name = unique("Main");
    long id = create(acme, name, "first-Secret-1");
    assertThat(page(acme, "/accounts/" + id)).contains("已创建网关账户“" + name + "”");
    assertThat(page(acme, "/accounts")).contains(name).doesNotContain("account-empty");

    String renamed = unique("Renamed");
    MockHttpServletResponse edit =
        send(acme, post("/accounts/" + id), form(renamed, "", ""), "chunkSize", "300");
    assertThat(edit.getRedirectedUrl()).isEqualTo("/accounts/" + id);

    assertThat(storedPassword(id)).isEqualTo("first-Secret-1");
    GatewayAccountView view = TenantContext.callAs(acmeId, () -> accounts.find(id)).orElseThrow();
    assertThat(view.name()).isEqualTo(renamed);
    assertThat(view.chunkSize()).isEqualTo(300);
    assertThat(page(acme, "/accounts/" + id)).contains("已保存网关账户“" + renamed + "”");
  }

  @Test
  void changingThePasswordNeedsTypingItTwice() throws Exception {
    long id = create(acme, unique("Rotate"), "old-Secret-1");

    MockHttpServletResponse mismatch =
        send(acme, post("/accounts/" + id), form(unique("Rotate"), "new-Secret-2", "typo"));
    assertThat(mismatch.getStatus()).isEqualTo(200);
    assertThat(mismatch.getContentAsString()).contains("两次输入的密码不一致。");
    assertThat(storedPassword(id)).isEqualTo("old-Secret-1");

    send(acme, post("/accounts/" + id), form(unique("Rotate"), "new-Secret-2", "new-Secret-2"));
    assertThat(storedPassword(id)).isEqualTo("new-Secret-2");
  }

  @Test
  void theStoredRowAndThePagesNeverContainThePassword() throws Exception {
    String password = "plain-Text-Pw-" + UUID.randomUUID();
    long id = create(acme, unique("Dump"), password);

    Map<String, Object> row = jdbc.queryForMap("select * from gateway_account where id = ?", id);
    assertThat(row.values())
        .allSatisfy(v -> assertThat(String.valueOf(v)).doesNotContain(password));
    String ciphertext = (String) row.get("password_ciphertext");
    assertThat(ciphertext).matches("v2:[A-Za-z0-9_-]+:[A-Za-z0-9+/=]+");
    assertThat(row.get("userid")).isEqualTo("10001");
    assertThat(((Number) row.get("tenant_id")).longValue()).isEqualTo(acmeId);

    String detail = page(acme, "/accounts/" + id);
    assertThat(detail).doesNotContain(password).doesNotContain(ciphertext);
    assertThat(detail).contains("留空则保留当前密码。");
    assertThat(page(acme, "/accounts")).doesNotContain(password).doesNotContain(ciphertext);
  }

  @Test
  void aCustomerGets404ForAnotherTenantsAccountOnEveryRouteAndChangesNothing() throws Exception {
    MockHttpSession globex = Logins.as(mvc, "globex");
    String globexName = unique("Globex-own");
    long id = create(globex, globexName, "globex-Secret-1");
    Map<String, Object> before = jdbc.queryForMap("select * from gateway_account where id = ?", id);

    assertThat(send(acme, get("/accounts/" + id), null).getStatus()).isEqualTo(404);
    MockHttpServletResponse post =
        send(acme, post("/accounts/" + id), form("Hijacked", "acme-Pw-1", "acme-Pw-1"));
    assertThat(post.getStatus()).isEqualTo(404);
    assertThat(send(acme, post("/accounts/" + id), form("", "", "")).getStatus()).isEqualTo(404);
    assertThat(page(acme, "/accounts")).doesNotContain(globexName);

    assertThat(jdbc.queryForMap("select * from gateway_account where id = ?", id))
        .isEqualTo(before);
  }

  @Test
  void inTheDemoANewAccountPreselectsTheSimulatorAndNamesTheLoginsItAccepts() throws Exception {
    String form = page(acme, "/accounts/new");
    // The real endpoint's name sorts first; the demo's simulator is preselected all the same.
    assertThat(selectedEndpoint(form)).startsWith("聚合云 模拟器（演示）");
    assertThat(form)
        .contains("模拟器接受以下网关账号")
        .contains("企业 ID 101 · 账号 acme · 密码 AcmeGw-7351")
        .contains("企业 ID 103 · 账号 bulk · 密码 BulkGw-5519");
    assertThat(page(acme, "/accounts/new?lang=en"))
        .contains("It accepts these gateway logins")
        .contains("userid 103 · account bulk · password BulkGw-5519");

    // An existing account's form keeps its own endpoint and shows no logins.
    long id = create(acme, unique("Main"), "first-Secret-1");
    String edit = page(acme, "/accounts/" + id);
    assertThat(selectedEndpoint(edit)).doesNotStartWith("聚合云 模拟器（演示）");
    assertThat(edit).doesNotContain("suggested-logins").doesNotContain("BulkGw-5519");
  }

  /** The text of the endpoint option the form has selected. */
  private static String selectedEndpoint(String form) {
    java.util.regex.Matcher selected =
        java.util.regex.Pattern.compile(
                "<select[^>]*name=\"endpointId\".*?<option[^>]*selected=\"selected\"[^>]*>([^<]*)<",
                java.util.regex.Pattern.DOTALL)
            .matcher(form);
    assertThat(selected.find()).as("a selected endpoint").isTrue();
    return selected.group(1);
  }

  @Test
  void aCustomerCannotChooseTheTenantOfANewAccount() throws Exception {
    String name = unique("Smuggled");
    long id = create(acme, name, "acme-Secret-1", "tenantId", String.valueOf(globexId));
    assertThat(tenantOf(id)).isEqualTo(acmeId);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "name|''|此项必填。",
        "name|" + LONG_NAME + "|最多 100 个字符。",
        "endpointId|''|请从列表中选择一个可用的网关接入点。",
        "endpointId|abc|请从列表中选择网关接入点。",
        "endpointId|999999999|请从列表中选择一个可用的网关接入点。",
        "chunkSize|0|每批号码数须在 1 到 5000 之间。",
        "chunkSize|5001|每批号码数须在 1 到 5000 之间。",
        "chunkSize|many|请输入 1 到 5000 之间的整数。",
        "chunkSize|1|此网关的每批号码数须在 100 到 5000 之间。",
        "chunkSize|99|此网关的每批号码数须在 100 到 5000 之间。",
        "userid|abc|企业 ID 只能由数字组成（最多 20 位）。",
        "account|''|此项必填。",
        "password|''|此项必填。"
      })
  void badInputIsShownNextToTheFieldAndStoresNothing(String field, String value, String message)
      throws Exception {
    int before = count();
    MockHttpServletResponse response =
        send(
            acme,
            post("/accounts"),
            form(unique("Bad"), "pw-Secret-1", "pw-Secret-1"),
            field,
            value);
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getContentAsString())
        .contains("id=\"" + field + "-error\">" + message + "</p>");
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void anEndpointWhoseOwnMaximumIsLowAllowsSmallChunksAndNoLargerOnes() throws Exception {
    // An administrator adds the endpoint, with its own maximum of 50 numbers a submit.
    MockHttpServletResponse added =
        send(
            Logins.as(mvc, "admin"),
            post("/admin/endpoints"),
            new String[] {
              "name", unique("Small"),
              "baseUrl",
                  "http://small-" + UUID.randomUUID().toString().substring(0, 8) + ".example",
              "defaultCharset", "UTF8",
              "note", "",
              "maxChunkSize", "50"
            });
    long small = Long.parseLong(added.getRedirectedUrl().substring("/admin/endpoints/".length()));
    String[] onSmall = form(unique("Small"), "pw-Secret-1", "pw-Secret-1");
    onSmall[3] = String.valueOf(small);

    MockHttpServletResponse tooLarge = send(acme, post("/accounts"), onSmall, "chunkSize", "60");
    assertThat(tooLarge.getContentAsString())
        .contains("id=\"chunkSize-error\">此网关的每批号码数须在 1 到 50 之间。</p>");

    MockHttpServletResponse fine = send(acme, post("/accounts"), onSmall, "chunkSize", "20");
    assertThat(fine.getRedirectedUrl()).startsWith("/accounts/");
  }

  @Test
  void aNewCustomerSeesAnEmptyStateWithACallToAction() throws Exception {
    String name = unique("fresh");
    long tenant = tenants.create(name).id();
    users.create(name, "a-good-password", Role.TENANT_ADMIN, tenant);
    String page = page(Logins.as(mvc, name, "a-good-password"), "/accounts");
    assertThat(page).contains("还没有网关账户").contains("href=\"/accounts/new\"");
  }

  @Test
  void staffSeeEveryTenantsAccountsAndCreateOneForAChosenTenant() throws Exception {
    String acmeAccount = unique("Acme-seen");
    create(acme, acmeAccount, "acme-Secret-1");
    MockHttpSession support = Logins.as(mvc, "support");

    assertThat(page(support, "/accounts/new")).contains("请选择企业").contains(">Globex</option>");
    String forGlobex = unique("By-support");
    long id =
        create(
            support,
            forGlobex,
            "support-Secret-1",
            "tenantId",
            String.valueOf(globexId),
            "account",
            unique("globex-gw"));
    // Hibernate keeps the explicit tenant in the staff's (root) context.
    assertThat(tenantOf(id)).isEqualTo(globexId);
    assertThat(storedPassword(id)).isEqualTo("support-Secret-1");

    String list = page(support, "/accounts");
    assertThat(list).contains(acmeAccount).contains(forGlobex).contains(">Globex</td>");
    assertThat(page(Logins.as(mvc, "globex"), "/accounts")).contains(forGlobex);
    assertThat(page(acme, "/accounts")).doesNotContain(forGlobex);
  }

  @Test
  void staffMustChooseATenant() throws Exception {
    int before = count();
    MockHttpServletResponse response =
        send(
            Logins.as(mvc, "admin"),
            post("/accounts"),
            form(unique("Orphan"), "pw-Secret-1", "pw-Secret-1"));
    assertThat(response.getContentAsString()).contains("id=\"tenantId-error\">请选择企业。</p>");
    assertThat(count()).isEqualTo(before);
  }

  static final String LONG_NAME =
      "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";

  private long create(MockHttpSession session, String name, String password, String... extra)
      throws Exception {
    MockHttpServletResponse response =
        send(session, post("/accounts"), form(name, password, password), extra);
    String target = response.getRedirectedUrl();
    assertThat(target).as(response.getContentAsString()).startsWith("/accounts/");
    return Long.parseLong(target.substring("/accounts/".length()));
  }

  private String[] form(String name, String password, String confirmation) {
    return new String[] {
      "name", name,
      "endpointId", String.valueOf(endpointId),
      "charset", "GBK",
      "userid", "10001",
      "account", gatewayAccount,
      "password", password,
      "passwordConfirmation", confirmation,
      "chunkSize", "1000",
      "extnoSupported", "true",
      "active", "true",
      "lowBalanceThreshold", "500"
    };
  }

  private MockHttpServletResponse send(
      MockHttpSession session,
      MockHttpServletRequestBuilder request,
      String[] fields,
      String... more) {
    return PostedForms.send(mvc, session, request, fields, more);
  }

  private String page(MockHttpSession session, String path) throws Exception {
    MockHttpServletResponse response = send(session, get(path), null);
    assertThat(response.getStatus()).as(path).isEqualTo(200);
    return response.getContentAsString();
  }

  private String storedPassword(long id) {
    return new StoredPasswords(context).of(id);
  }

  private long tenantOf(long id) {
    return jdbc.queryForObject(
        "select tenant_id from gateway_account where id = ?", Long.class, id);
  }

  private int count() {
    return jdbc.queryForObject("select count(*) from gateway_account", Integer.class);
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
