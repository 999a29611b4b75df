package com.smsportal.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.PortalHttpClient;
import com.smsportal.PortalHttpTest;
import com.smsportal.RawHttp;
import com.smsportal.tenant.TenantService;
import com.smsportal.user.session.SessionOrCookieCsrfTokens;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What an anonymous visitor or a reader of the database can do with sessions (issue 20): anonymous
 * requests leave no row in the session store (the login form's CSRF token and the page asked for
 * wait in cookies), a cookie made from the session table's ids opens nothing, and no redirect names
 * the host a request's {@code Host} header claims.
 */
@PortalHttpTest
class AnonymousRequestsIntegrationTests {

  static final String PASSWORD = "a-good-long-password";
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired UserService users;
  @Autowired TenantService tenants;

  @Test
  void aThousandAnonymousRequestsStoreNoSessionAndAFreshBrowserStillSignsIn() throws Exception {
    HttpClient cookieless =
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    List<String> pages =
        List.of(
            "/login",
            "/login?lang=en",
            "/login?lang=zh-CN",
            "/",
            "/jobs",
            "/admin/logins",
            "/send",
            "/login?error=bad",
            "/login?expired",
            "/login/verify",
            "/assets/no-such-file.css",
            "/no-such-page?lang=en");
    // The rows there before: another test class's sessions may have been made a moment ago.
    Set<String> before = sessionIds();
    for (int i = 0; i < 1_000; i++) {
      HttpResponse<String> answer =
          cookieless.send(
              HttpRequest.newBuilder(URI.create(base() + pages.get(i % pages.size())))
                  .header("Accept", "text/html")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(pages.get(i % pages.size())).isLessThan(500);
    }
    assertThat(newSessions(before)).as("session rows of anonymous requests").isZero();

    String name = newCustomer();
    PortalHttpClient browser = new PortalHttpClient(port).logIn(name, PASSWORD);
    assertThat(browser.get("/jobs").statusCode()).isEqualTo(200);
    assertThat(newSessions(before)).as("the one sign-in's session").isEqualTo(1);
  }

  @Test
  void aCookieMadeFromTheSessionTableOpensNothing() throws Exception {
    String name = "staff-" + UUID.randomUUID().toString().substring(0, 8);
    users.create(name, PASSWORD, Role.ADMIN, null);
    PortalHttpClient browser = new PortalHttpClient(port).logIn(name, PASSWORD);
    assertThat(browser.get("/admin/logins").statusCode()).isEqualTo(200);

    String id =
        jdbc.queryForObject(
            "select SESSION_ID from SPRING_SESSION where PRINCIPAL_NAME = ?", String.class, name);
    String fromTheTable = Base64.getEncoder().encodeToString(id.getBytes(StandardCharsets.UTF_8));
    assertThat(browser.sessionId()).isNotEqualTo(fromTheTable);

    RawHttp.Answer forged =
        RawHttp.send(
            port,
            "GET",
            "/admin/logins",
            "localhost:" + port,
            List.of("Cookie: SESSION=" + fromTheTable),
            null);
    assertThat(forged.status()).isEqualTo(302);
    // No session at all, not even an ended one: the plain login page.
    assertThat(forged.header("Location")).isEqualTo("/login");

    RawHttp.Answer real =
        RawHttp.send(
            port,
            "GET",
            "/admin/logins",
            "localhost:" + port,
            List.of("Cookie: SESSION=" + browser.sessionId()),
            null);
    assertThat(real.status()).isEqualTo(200);
  }

  @Test
  void noRedirectNamesTheHostOfTheRequestsHostHeader() throws Exception {
    String evil = "evil.example";
    RawHttp.Answer protectedPage = RawHttp.send(port, "GET", "/jobs", evil, List.of(), null);
    assertThat(protectedPage.status()).isEqualTo(302);
    assertThat(protectedPage.header("Location")).isEqualTo("/login");
    String asked = protectedPage.setCookie("REDIRECT_URI");
    assertThat(asked).as("the page asked for, kept in a cookie").isNotNull();

    RawHttp.Answer form = RawHttp.send(port, "GET", "/login", evil, List.of(), null);
    String xsrf = form.setCookie(SessionOrCookieCsrfTokens.COOKIE);
    Matcher token = CSRF.matcher(form.body());
    assertThat(token.find()).isTrue();
    String name = newCustomer();
    RawHttp.Answer login =
        RawHttp.send(
            port,
            "POST",
            "/login",
            evil,
            List.of(
                "Cookie: "
                    + SessionOrCookieCsrfTokens.COOKIE
                    + "="
                    + xsrf
                    + "; REDIRECT_URI="
                    + asked),
            "username="
                + name
                + "&password="
                + PASSWORD
                + "&_csrf="
                + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8));
    assertThat(login.status()).isEqualTo(302);
    assertThat(login.header("Location")).as("back to the page asked for").isEqualTo("/jobs");
    String session = login.setCookie("SESSION");

    RawHttp.Answer jobs =
        RawHttp.send(port, "GET", "/jobs", evil, List.of("Cookie: SESSION=" + session), null);
    assertThat(jobs.status()).isEqualTo(200);
    Matcher signedInToken =
        Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(jobs.body());
    assertThat(signedInToken.find()).isTrue();
    RawHttp.Answer logout =
        RawHttp.send(
            port,
            "POST",
            "/logout",
            evil,
            List.of("Cookie: SESSION=" + session),
            "_csrf=" + URLEncoder.encode(signedInToken.group(1), StandardCharsets.UTF_8));
    assertThat(logout.status()).isEqualTo(302);
    assertThat(logout.header("Location")).isEqualTo("/login?logout");
  }

  private String newCustomer() {
    String name = "anon-" + UUID.randomUUID().toString().substring(0, 8);
    long tenant = tenants.create("Anon " + name).id();
    users.create(name, PASSWORD, Role.TENANT_ADMIN, tenant);
    return name;
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  /** Every session row now, whoever made it. */
  private Set<String> sessionIds() {
    return new HashSet<>(jdbc.queryForList("select SESSION_ID from SPRING_SESSION", String.class));
  }

  private long newSessions(Set<String> before) {
    return sessionIds().stream().filter(id -> !before.contains(id)).count();
  }
}
