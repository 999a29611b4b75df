package com.smsportal;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain HTTP client with a cookie jar, for tests that need the real servlet container (error
 * pages are rendered by its error dispatch, which MockMvc does not perform).
 */
public final class PortalHttpClient {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final String baseUrl;
  private final HttpClient http;

  public PortalHttpClient(int port) {
    this.baseUrl = "http://localhost:" + port;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  public PortalHttpClient logIn(String username, String password) throws Exception {
    String form =
        "username="
            + enc(username)
            + "&password="
            + enc(password)
            + "&_csrf="
            + enc(csrf(get("/login").body()));
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String location = response.headers().firstValue("Location").orElse("");
    if (response.statusCode() != 302 || location.contains("error")) {
      throw new AssertionError("login of " + username + " failed: " + location);
    }
    return this;
  }

  /** A GET as a browser sends it, asking for HTML. */
  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Accept", "text/html,application/xhtml+xml")
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A GET as htmx sends it: the page answers with its fragment only. */
  public HttpResponse<String> htmx(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Accept", "text/html")
            .header("HX-Request", "true")
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A form with a file, as a browser posts it. */
  public HttpResponse<String> post(String path, MultipartForm form)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", form.contentType())
            .header("Accept", "text/html")
            .POST(form.publisher())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The CSRF token in a page's forms. */
  public static String csrf(String page) {
    Matcher token = CSRF.matcher(page);
    if (!token.find()) {
      throw new AssertionError("no CSRF token on the page");
    }
    return token.group(1);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
