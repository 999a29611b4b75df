package com.smsportal.api;

import com.smsportal.Logins;
import com.smsportal.PortalHttpClient;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A program calling the portal's HTTP API: no cookies, a key in {@code Authorization: Bearer}. Its
 * keys are made as a tenant admin makes them, on {@code /settings/api-keys}.
 */
final class ApiClient {

  static final Pattern KEY = Pattern.compile("id=\"apikey-value\">(smsp_[0-9A-Za-z_]+)<");

  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();

  ApiClient(int port) {
    this.port = port;
  }

  /** A new key of {@code user}'s tenant with these scopes ({@code send}, {@code read}). */
  static String newKey(int port, String user, String name, String... scopes) throws Exception {
    PortalHttpClient admin = new PortalHttpClient(port).logIn(user, Logins.DEMO_PASSWORD);
    StringBuilder fields =
        new StringBuilder("name=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
    for (String scope : scopes) {
      fields.append("&scopes=").append(scope);
    }
    HttpResponse<String> created =
        admin.submit("/settings/api-keys", "/settings/api-keys", fields.toString());
    Matcher key = KEY.matcher(created.body());
    if (created.statusCode() != 200 || !key.find()) {
      throw new AssertionError("no key shown: " + created.statusCode() + " " + created.body());
    }
    return key.group(1);
  }

  /**
   * The demo's gateway account of the tenant (its first): other tests of the same context may give
   * the tenant more, so a send names it.
   */
  static long demoAccount(org.springframework.jdbc.core.JdbcTemplate jdbc, String tenant) {
    return jdbc.queryForObject(
        "SELECT MIN(a.id) FROM gateway_account a JOIN tenant t ON t.id = a.tenant_id"
            + " WHERE t.name = ?",
        Long.class,
        tenant);
  }

  HttpResponse<String> get(String path, String key) throws Exception {
    return send(request(path, key).GET().build());
  }

  HttpResponse<String> post(String path, String key, String idempotencyKey, String json)
      throws Exception {
    HttpRequest.Builder request =
        request(path, key)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return send(request.build());
  }

  HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  HttpRequest.Builder request(String path, String key) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept-Language", "en");
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return request;
  }
}
