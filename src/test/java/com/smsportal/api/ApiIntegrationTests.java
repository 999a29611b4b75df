package com.smsportal.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.Logins;
import com.smsportal.PortalHttpClient;
import com.smsportal.PortalHttpTest;
import com.smsportal.sending.SendJobs;
import com.smsportal.sending.SendOrder;
import com.smsportal.sending.SubmitResult;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The HTTP API as a program meets it over the wire (issue 25): who gets in (a key, and nothing
 * else), what a key's scopes allow, the problems it answers, its rate, and the keys page that makes
 * and revokes keys. What depends on the database's guarantees (idempotency, the tails) is in {@link
 * ApiSendIntegrationTests}.
 */
@PortalHttpTest
class ApiIntegrationTests {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TenantService tenants;
  @Autowired SendJobs sendJobs;

  @AfterEach
  void forgetFailuresOfThisAddress() {
    // The refused keys below count on the sign-in throttle of 127.0.0.1, as they should; other
    // tests of this context sign in from there too.
    jdbc.update("DELETE FROM login_counter WHERE kind = 'CLIENT'");
  }

  @Test
  void keysPageShowsANewKeyOnceListsItAndRevokesItAfterAConfirmationAtOnce() throws Exception {
    PortalHttpClient acme = new PortalHttpClient(port).logIn("acme", Logins.DEMO_PASSWORD);
    String name = "orders " + System.nanoTime();
    HttpResponse<String> created =
        acme.submit(
            "/settings/api-keys",
            "/settings/api-keys",
            "name=" + name.replace(' ', '+') + "&scopes=read");
    var shown = ApiClient.KEY.matcher(created.body());
    assertThat(shown.find()).as(created.body()).isTrue();
    String key = shown.group(1);
    assertThat(created.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    ApiClient api = new ApiClient(port);
    assertThat(api.get("/api/v1/balance", key).statusCode()).isEqualTo(200);

    String list = acme.get("/settings/api-keys").body();
    assertThat(list).contains(name).contains(key.substring(0, 15)).doesNotContain(key);
    String id = firstRevokeId(list, key.substring(0, 15));
    HttpResponse<String> confirm = acme.get("/settings/api-keys/" + id + "/revoke");
    assertThat(confirm.body()).contains("id=\"apikey-revoke-confirm\"");
    assertThat(api.get("/api/v1/balance", key).statusCode())
        .as("nothing is revoked before the confirmation")
        .isEqualTo(200);
    HttpResponse<String> revoked =
        acme.submit(
            "/settings/api-keys/" + id + "/revoke", "/settings/api-keys/" + id + "/revoke", "x=1");
    assertThat(revoked.statusCode()).isEqualTo(302);

    HttpResponse<String> refused = api.get("/api/v1/balance", key);
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(refused.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(JSON.readTree(refused.body()).get("type").asString())
        .isEqualTo("urn:smsportal:api:key-revoked");
    assertThat(acme.get("/settings/api-keys").body())
        .contains("id=\"apikey-state-" + id + "\">已吊销<");
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'API_REQUEST_REFUSED'"
                    + " AND actor = ? AND detail NOT LIKE ?",
                Long.class,
                "api:" + key.substring(0, 15),
                "%" + key.substring(16) + "%"))
        .as("the refusal is audited with the key's prefix, never the key")
        .isPositive();
  }

  @Test
  void expiredKeyIsRefused() throws Exception {
    String key = ApiClient.newKey(port, "acme", "soon expired", "read");
    ApiClient api = new ApiClient(port);
    assertThat(api.get("/api/v1/balance", key).statusCode()).isEqualTo(200);
    jdbc.update(
        "UPDATE api_key SET expires_at = TIMESTAMPADD(DAY, -1, CURRENT_TIMESTAMP) WHERE key_id = ?",
        key.substring(5, 15));
    HttpResponse<String> refused = api.get("/api/v1/balance", key);
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(refused.body()).get("title").asString()).isEqualTo("API key expired");
  }

  @Test
  void readKeyCannotSendAndSendKeyCannotRead() throws Exception {
    ApiClient api = new ApiClient(port);
    String read = ApiClient.newKey(port, "acme", "reader", "read");
    HttpResponse<String> send =
        api.post(
            "/api/v1/messages",
            read,
            "k-" + System.nanoTime(),
            "{\"mobiles\":[\"13800138000\"],\"content\":\"hi\"}");
    assertThat(send.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(send.body()).get("type").asString())
        .isEqualTo("urn:smsportal:api:scope");
    String sender = ApiClient.newKey(port, "acme", "sender", "send");
    assertThat(api.get("/api/v1/balance", sender).statusCode()).isEqualTo(403);
  }

  @Test
  void anotherTenantsJobIsNotFound() throws Exception {
    long globex = tenants.findByName("Globex").orElseThrow().id();
    // A job of Globex's, due tomorrow (so nothing is sent), stored as its compose page stores one.
    SubmitResult stored =
        TenantContext.callAs(
            globex,
            () ->
                sendJobs.submit(
                    new SendOrder(
                        ApiClient.demoAccount(jdbc, "Globex"),
                        "13900139000",
                        "Globex hello",
                        Instant.now().plus(Duration.ofDays(1)),
                        "",
                        "globex-" + System.nanoTime())));
    assertThat(stored.accepted()).as(String.valueOf(stored.refusal())).isTrue();
    long foreign = stored.jobId();
    String acmeKey = ApiClient.newKey(port, "acme", "acme reader", "read");
    ApiClient api = new ApiClient(port);
    for (String path : List.of("/api/v1/jobs/" + foreign, "/api/v1/jobs/" + foreign + "/numbers")) {
      HttpResponse<String> answer = api.get(path, acmeKey);
      assertThat(answer.statusCode()).as(path).isEqualTo(404);
      assertThat(JSON.readTree(answer.body()).get("type").asString())
          .isEqualTo("urn:smsportal:api:not-found");
    }
  }

  @Test
  void invalidSendAnswersOneProblemEntryPerInvalidFieldInTheClientsLanguage() throws Exception {
    String key = ApiClient.newKey(port, "acme", "bad sends", "send");
    HttpResponse<String> answer =
        new ApiClient(port)
            .post(
                "/api/v1/messages",
                key,
                "bad-" + System.nanoTime(),
                "{\"accountId\":"
                    + ApiClient.demoAccount(jdbc, "Acme")
                    + ",\"mobiles\":[\"13800138000\",\"12345\",\"13800138001\",\"abc\"],"
                    + "\"content\":\"\",\"extno\":\"x1\",\"sendTime\":\"tomorrow\"}");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
    JsonNode problem = JSON.readTree(answer.body());
    assertThat(problem.get("type").asString()).isEqualTo("urn:smsportal:api:invalid-send");
    assertThat(problem.get("title").asString()).isEqualTo("Invalid send");
    List<String> fields = new ArrayList<>();
    problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
    assertThat(fields).containsExactly("mobiles[1]", "mobiles[3]", "content", "sendTime", "extno");
    assertThat(problem.get("errors").get(0).get("detail").asString())
        .isEqualTo("\"12345\" is not a mainland mobile number.");

    HttpResponse<String> noKey =
        new ApiClient(port)
            .post(
                "/api/v1/messages",
                key,
                null,
                "{\"mobiles\":[\"13800138000\"],\"content\":\"hi\"}");
    assertThat(noKey.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(noKey.body()).get("type").asString())
        .isEqualTo("urn:smsportal:api:idempotency-key");
  }

  @Test
  void aBurstOverTheKeysRateIsAnswered429WithRetryAfter() throws Exception {
    String key = ApiClient.newKey(port, "acme", "busy", "read");
    ApiClient api = new ApiClient(port);
    List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
    var client = java.net.http.HttpClient.newHttpClient();
    for (int i = 0; i < 80; i++) {
      burst.add(
          client.sendAsync(
              api.request("/api/v1/jobs/0", key).GET().build(),
              HttpResponse.BodyHandlers.ofString()));
    }
    List<HttpResponse<String>> answers = burst.stream().map(CompletableFuture::join).toList();
    List<HttpResponse<String>> throttled =
        answers.stream().filter(a -> a.statusCode() == 429).toList();
    assertThat(throttled).isNotEmpty();
    assertThat(answers).allMatch(a -> a.statusCode() == 429 || a.statusCode() == 404);
    HttpResponse<String> one = throttled.get(0);
    assertThat(Long.parseLong(one.headers().firstValue("Retry-After").orElseThrow())).isPositive();
    assertThat(JSON.readTree(one.body()).get("type").asString())
        .isEqualTo("urn:smsportal:api:key-throttled");
  }

  /**
   * Wrong keys count as failed sign-ins of their address: once the sign-in throttle slows the
   * address, every request from it gets 429 before its key is looked at.
   */
  @Test
  void wrongKeysCountOnTheSignInThrottleOfTheirAddress() throws Exception {
    String key = ApiClient.newKey(port, "acme", "behind the same address", "read");
    ApiClient api = new ApiClient(port);
    HttpResponse<String> last = null;
    int wrong = 0;
    while (wrong < 100) {
      last = api.get("/api/v1/balance", "smsp_0000000000_" + "0".repeat(32));
      wrong++;
      if (last.statusCode() != 401) {
        break;
      }
    }
    assertThat(last.statusCode()).as("after %d wrong keys", wrong).isEqualTo(429);
    assertThat(JSON.readTree(last.body()).get("type").asString())
        .isEqualTo("urn:smsportal:api:address-throttled");
    assertThat(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow())).isPositive();
    assertThat(api.get("/api/v1/balance", key).statusCode()).isEqualTo(429);
  }

  @Test
  void aSignedInBrowserSessionIsNoCredentialOfTheApiNorAKeyOfThePages() throws Exception {
    PortalHttpClient acme = new PortalHttpClient(port).logIn("acme", Logins.DEMO_PASSWORD);
    HttpResponse<String> withCookie = acme.getJson("/api/v1/balance");
    assertThat(withCookie.statusCode()).isEqualTo(401);
    assertThat(withCookie.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(withCookie.headers().allValues("Set-Cookie")).isEmpty();

    String key = ApiClient.newKey(port, "acme", "not for pages", "send", "read");
    ApiClient api = new ApiClient(port);
    HttpResponse<String> page = api.get("/jobs", key);
    assertThat(page.statusCode()).as("a page asks a key holder to sign in").isEqualTo(302);
    assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
    HttpResponse<String> docs = api.get("/api-docs/openapi.json", key);
    assertThat(docs.statusCode()).isEqualTo(302);
  }

  @Test
  void openApiDescribesTheApiOnlyWithTheBearerKey() throws Exception {
    PortalHttpClient acme = new PortalHttpClient(port).logIn("acme", Logins.DEMO_PASSWORD);
    HttpResponse<String> docs = acme.getJson("/api-docs/openapi.json");
    assertThat(docs.statusCode()).isEqualTo(200);
    JsonNode description = JSON.readTree(docs.body());
    assertThat(description.get("openapi").asString()).startsWith("3.1");
    List<String> paths = new ArrayList<>();
    description.get("paths").propertyNames().forEach(paths::add);
    assertThat(paths)
        .contains("/api/v1/messages", "/api/v1/jobs/{id}", "/api/v1/receipts", "/api/v1/balance")
        .allMatch(p -> p.startsWith("/api/v1/"));
    assertThat(description.at("/components/securitySchemes/apiKey/scheme").asString())
        .isEqualTo("bearer");
    HttpResponse<String> page = acme.get("/api-docs/ui.html");
    assertThat(page.statusCode()).isEqualTo(302);
    String location = page.headers().firstValue("Location").orElseThrow();
    HttpResponse<String> ui = acme.get(location.replaceFirst("^https?://[^/]+", ""));
    assertThat(ui.statusCode()).as(location).isEqualTo(200);
    assertThat(ui.body()).doesNotContain("<script>").contains("swagger-initializer.js");
  }

  private static String firstRevokeId(String page, String prefix) {
    int at = page.indexOf(prefix);
    int revoke = page.indexOf("id=\"apikey-revoke-", at);
    int end = page.indexOf('"', revoke + "id=\"apikey-revoke-".length());
    return page.substring(revoke + "id=\"apikey-revoke-".length(), end);
  }
}
