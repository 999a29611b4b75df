package com.smsportal;

import com.smsportal.user.secondfactor.SecondFactorFixture;
import com.smsportal.user.secondfactor.TotpCodes;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain HTTP client with a cookie jar, for tests that need the real servlet container (error
 * pages are rendered by its error dispatch, which MockMvc does not perform).
 */
public final class PortalHttpClient {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern CONFIRM_TOKEN =
      Pattern.compile("name=\"confirmToken\" value=\"([^\"]+)\"");

  private final String baseUrl;
  private final CookieManager cookies;
  private final HttpClient http;

  public PortalHttpClient(int port) {
    this(port, new CookieManager());
  }

  private PortalHttpClient(int port, CookieManager cookies) {
    this.baseUrl = "http://localhost:" + port;
    this.cookies = cookies;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * The same browser talking to another portal node: one cookie jar (cookies belong to the host,
   * not the port).
   */
  public PortalHttpClient onPort(int port) {
    return new PortalHttpClient(port, cookies);
  }

  /** The session cookie's value, for a load generator that sends it on this user's behalf. */
  public String sessionId() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("SESSION"))
        .map(java.net.HttpCookie::getValue)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no session"));
  }

  /**
   * Logs in through the form; a user with a second factor finishes on the code page with a code
   * from {@link SecondFactorFixture}.
   */
  public PortalHttpClient logIn(String username, String password) throws Exception {
    SecondFactorFixture.prepare(username);
    HttpResponse<String> response =
        postForm("/login", "username=" + enc(username) + "&password=" + enc(password));
    String location = response.headers().firstValue("Location").orElse("");
    if (location.endsWith("/login/verify")) {
      response = postForm("/login/verify", "code=" + enc(SecondFactorFixture.nextCode(username)));
      location = response.headers().firstValue("Location").orElse("");
    }
    if (response.statusCode() != 302 || location.contains("error")) {
      throw new AssertionError("login of " + username + " failed: " + location);
    }
    return this;
  }

  /**
   * Sets up two-step sign-in as a staff member does at their first login: reads the key the set-up
   * page shows (as a person would type it into an app) and confirms it with the app's current code.
   * Returns the recovery codes the portal then shows.
   */
  public String enrolSecondFactor() throws Exception {
    String page = get("/account/two-factor").body();
    int at = page.indexOf("id=\"totp-secret\">");
    if (at < 0) {
      throw new AssertionError("no key on the two-step sign-in set-up page");
    }
    String secret =
        page.substring(at + "id=\"totp-secret\">".length(), page.indexOf('<', at)).replace(" ", "");
    HttpResponse<String> confirmed =
        postForm("/account/two-factor", "code=" + enc(TotpCodes.at(secret, Instant.now())));
    if (confirmed.statusCode() != 200 || !confirmed.body().contains("id=\"recovery-codes\"")) {
      throw new AssertionError(
          "the set-up code was refused: " + confirmed.statusCode() + " " + confirmed.body());
    }
    return confirmed.body();
  }

  /** Posts a form of the page at {@code path}, with that page's CSRF token. */
  private HttpResponse<String> postForm(String path, String fields) throws Exception {
    return submit(path, path, fields);
  }

  /**
   * Posts {@code fields} (URL-encoded already) to {@code action}, as the form on the page at {@code
   * page} does: with that page's CSRF token.
   */
  public HttpResponse<String> submit(String page, String action, String fields) throws Exception {
    Matcher token = CSRF.matcher(get(page).body());
    if (!token.find()) {
      throw new AssertionError("no CSRF token on " + page);
    }
    return postEncoded(action, fields + "&_csrf=" + enc(token.group(1)));
  }

  /** A GET as a browser sends it, asking for HTML. */
  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return getWith(path, "Accept", "text/html,application/xhtml+xml");
  }

  /**
   * Posts {@code fields} with this client's cookies but no CSRF token: what a form on another site
   * makes the signed-in user's browser send.
   */
  public HttpResponse<String> postWithoutToken(String action, String fields)
      throws IOException, InterruptedException {
    return postEncoded(action, fields);
  }

  /** A GET as a script sends it, asking for JSON. */
  public HttpResponse<String> getJson(String path) throws IOException, InterruptedException {
    return getWith(path, "Accept", "application/json");
  }

  /** A GET as htmx sends it: the page answers with its fragment only. */
  public HttpResponse<String> htmx(String path) throws IOException, InterruptedException {
    return getWith(path, "Accept", "text/html", "HX-Request", "true");
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

  /**
   * Presses the confirm button if {@code reviewed} is the send's confirmation page (issue 23:
   * {@code POST /send} first shows what will be sent); else returns it as it is (a refused form).
   */
  public HttpResponse<String> confirmSend(HttpResponse<String> reviewed)
      throws IOException, InterruptedException {
    String confirm = confirmation(reviewed);
    return confirm == null ? reviewed : postEncoded("/send", confirm);
  }

  /**
   * The URL-encoded body of the confirm button's POST /send if {@code reviewed} is the send's
   * confirmation page, else null; for tests with an HTTP client of their own.
   */
  public static String confirmation(HttpResponse<String> reviewed) {
    Matcher token = CONFIRM_TOKEN.matcher(reviewed.body());
    if (reviewed.statusCode() != 200 || !token.find()) {
      return null;
    }
    return "confirmToken=" + enc(token.group(1)) + "&_csrf=" + enc(csrf(reviewed.body()));
  }

  /** A GET with {@code headers} (name, value, name, value, ...). */
  /** A GET whose body (a download) goes into {@code file} as it arrives, never into memory. */
  public HttpResponse<java.nio.file.Path> download(String path, java.nio.file.Path file)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
        HttpResponse.BodyHandlers.ofFile(file));
  }

  /** A GET whose body the caller reads as it arrives (and may close early, as a cancel does). */
  public HttpResponse<java.io.InputStream> stream(String path)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
        HttpResponse.BodyHandlers.ofInputStream());
  }

  private HttpResponse<String> getWith(String path, String... headers)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(baseUrl + path)).headers(headers).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A POST of {@code body}, URL-encoded already, exactly as given. */
  private HttpResponse<String> postEncoded(String action, String body)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(baseUrl + action))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
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
