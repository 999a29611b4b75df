package com.smsportal.user.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.DatabaseDependent;
import com.smsportal.PortalHttpClient;
import com.smsportal.PortalHttpTest;
import com.smsportal.SmsPortalApplication;
import com.smsportal.tenant.TenantService;
import com.smsportal.user.Role;
import com.smsportal.user.UserService;
import com.smsportal.user.secondfactor.SecondFactorFixture;
import com.smsportal.user.throttle.ClientAddresses;
import com.smsportal.user.throttle.LoginRecords;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two portal nodes in one JVM, each an application context of its own (own beans, own memory, own
 * web server) on the one database of the run: a session made on one is served by the other, a
 * sign-in may give its password to one node and its code to the other, and a session ended on one
 * is over on the other. The jar-based {@code ClusterIntegrationTests} prove the same with three
 * processes on MariaDB; this one runs on H2 too.
 */
@DatabaseDependent("two nodes on one database: sessions and login counters shared")
@PortalHttpTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedSessionIntegrationTests {

  static final String PASSWORD = "a-good-long-password";
  static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired UserService users;
  @Autowired TenantService tenants;
  @Autowired LoginRecords records;
  @Autowired JdbcTemplate jdbc;

  private ConfigurableApplicationContext otherNode;
  private int otherPort;

  @BeforeAll
  void startAnotherNode() {
    otherNode =
        new SpringApplicationBuilder(SmsPortalApplication.class)
            .run(
                "--server.port=0",
                "--smsportal.node.id=it-other-" + UUID.randomUUID(),
                // The demo points its gateway accounts at the simulator of the node that has one:
                // this one stops before the run ends.
                "--smsportal.simulator.enabled=false");
    otherPort = ((WebServerApplicationContext) otherNode).getWebServer().getPort();
  }

  @AfterAll
  void stopTheOtherNode() {
    if (otherNode != null) {
      otherNode.close();
    }
  }

  @Test
  void aCustomersSessionFromOneNodeIsServedByTheOtherAndEndsThereWhenTheTenantIsSuspendedHere()
      throws Exception {
    String name = "n" + UUID.randomUUID().toString().substring(0, 8);
    long tenant = tenants.create("Node-" + name).id();
    users.create(name, PASSWORD, Role.TENANT_ADMIN, tenant);
    PortalHttpClient here = new PortalHttpClient(port).logIn(name, PASSWORD);
    PortalHttpClient there = here.onPort(otherPort);

    HttpResponse<String> page = there.get("/jobs");
    assertThat(page.statusCode()).as("the other node, same session").isEqualTo(200);
    assertThat(page.body()).contains("id=\"current-username\">" + name + "<");

    tenants.suspend(tenant, "two nodes");

    HttpResponse<String> ended = there.get("/jobs");
    assertThat(ended.statusCode()).isEqualTo(302);
    assertThat(ended.headers().firstValue("Location").orElseThrow()).endsWith("/login?expired");
  }

  @Test
  void aStaffSignInGivesItsPasswordToOneNodeAndItsCodeToTheOther() throws Exception {
    String name = "n" + UUID.randomUUID().toString().substring(0, 8);
    users.create(name, PASSWORD, Role.SUPPORT, null);
    SecondFactorFixture.prepare(context, name);
    PortalHttpClient here = new PortalHttpClient(port);
    PortalHttpClient there = here.onPort(otherPort);

    HttpResponse<String> password =
        here.submit("/login", "/login", "username=" + name + "&password=" + enc(PASSWORD));
    assertThat(password.headers().firstValue("Location").orElseThrow()).endsWith("/login/verify");
    HttpResponse<String> code =
        there.submit(
            "/login/verify",
            "/login/verify",
            "code=" + enc(SecondFactorFixture.nextCode(context, name)));
    assertThat(code.statusCode()).isEqualTo(302);
    assertThat(code.headers().firstValue("Location").orElseThrow()).doesNotContain("/login");

    HttpResponse<String> page = here.get("/support/tenants");
    assertThat(page.statusCode()).as("signed in, back on the first node").isEqualTo(200);
    assertThat(page.body()).contains("id=\"current-username\">" + name + "<");
  }

  /**
   * Issue 27: a signed-in page opened 32 times at once on a brand-new session (a browser restoring
   * its tabs, a load test) answers 200 every time. Before, each request stored the session's first
   * attributes itself (its CSRF token, its last activity), as an INSERT each: all but one failed on
   * the store's primary key and answered 500. Again when the session is older than a minute and has
   * never recorded its last activity (the first request that writes it). And every page's forms
   * carry the one CSRF token of the session (before, each request made its own and only the last
   * one stored was accepted).
   */
  @Test
  void thirtyTwoRequestsAtOnceOnANewSessionAllAnswer() throws Exception {
    String name = "c" + UUID.randomUUID().toString().substring(0, 8);
    long tenant = tenants.create("Burst-" + name).id();
    users.create(name, PASSWORD, Role.TENANT_ADMIN, tenant);
    for (boolean aged : List.of(false, true)) {
      PortalHttpClient browser = new PortalHttpClient(port).logIn(name, PASSWORD);
      if (aged) {
        jdbc.update(
            "UPDATE SPRING_SESSION SET CREATION_TIME = CREATION_TIME - 120000,"
                + " LAST_ACCESS_TIME = LAST_ACCESS_TIME - 120000 WHERE PRINCIPAL_NAME = ?",
            name);
        jdbc.update(
            "DELETE FROM SPRING_SESSION_ATTRIBUTES WHERE ATTRIBUTE_NAME = ? AND SESSION_PRIMARY_ID"
                + " IN (SELECT PRIMARY_ID FROM SPRING_SESSION WHERE PRINCIPAL_NAME = ?)",
            BackgroundPolls.LAST_ACTIVITY,
            name);
      }
      ExecutorService pool = Executors.newFixedThreadPool(32);
      try {
        CyclicBarrier start = new CyclicBarrier(32);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
          answers.add(
              pool.submit(
                  () -> {
                    start.await();
                    return browser.get("/jobs");
                  }));
        }
        List<Integer> codes = new ArrayList<>();
        Set<String> tokens = new HashSet<>();
        for (Future<HttpResponse<String>> answer : answers) {
          HttpResponse<String> page = answer.get(30, TimeUnit.SECONDS);
          codes.add(page.statusCode());
          Matcher token = CSRF.matcher(page.body());
          if (token.find()) {
            tokens.add(unmasked(token.group(1)));
          }
        }
        assertThat(codes).as(aged ? "aged session" : "new session").containsOnly(200);
        assertThat(tokens).as("the session's CSRF token, on every page").hasSize(1);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  /**
   * Issue 20: a name that does not exist is counted in the database like a real one, so behind a
   * balancer the fifth failure over two nodes locks it as it locks a real user, and the answers
   * tell nothing of which names exist (before, each node counted made-up names in its own memory).
   */
  @Test
  void aMadeUpNameLocksAfterFiveFailuresOverTwoNodesExactlyLikeARealOne() throws Exception {
    String real = "n" + UUID.randomUUID().toString().substring(0, 8);
    users.create(real, PASSWORD, Role.SUPPORT, null);
    String madeUp = "ghost-" + UUID.randomUUID().toString().substring(0, 8);
    try {
      for (String name : List.of(real, madeUp)) {
        PortalHttpClient here = new PortalHttpClient(port);
        PortalHttpClient there = here.onPort(otherPort);
        List<String> answers = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
          PortalHttpClient node = i % 2 == 0 ? there : here;
          answers.add(
              node.submit("/login", "/login", "username=" + name + "&password=wrong-" + i)
                  .headers()
                  .firstValue("Location")
                  .orElseThrow());
        }
        assertThat(answers)
            .as(name)
            .map(location -> location.substring(location.indexOf("/login")))
            .containsExactly(
                "/login?error=bad",
                "/login?error=bad",
                "/login?error=bad",
                "/login?error=bad",
                "/login?error=locked");
      }
    } finally {
      // Both nodes' requests came from the loopback address: the other tests log in from it.
      for (String loopback : List.of("127.0.0.1", "::1")) {
        records.unblock(ClientAddresses.key(loopback));
      }
    }
  }

  /**
   * Checked on the real server: MockMvc's context takes the cookie settings from elsewhere. The
   * login form's CSRF cookie (an anonymous visitor has no session) is out of scripts' reach too.
   */
  @Test
  void theSessionCookieIsOutOfScriptsReachAndNotSentWithOtherSitesPosts() throws Exception {
    String name = "k" + UUID.randomUUID().toString().substring(0, 8);
    long tenant = tenants.create("Cookie-" + name).id();
    users.create(name, PASSWORD, Role.TENANT_ADMIN, tenant);
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> form =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
            HttpResponse.BodyHandlers.ofString());
    String csrfCookie = setCookie(form, SessionOrCookieCsrfTokens.COOKIE);
    assertThat(csrfCookie).contains("; HttpOnly").contains("; SameSite=Lax").contains("; Path=/");
    java.util.regex.Matcher token =
        java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
    assertThat(token.find()).isTrue();

    HttpResponse<Void> login =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", csrfCookie.split(";", 2)[0])
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username="
                            + name
                            + "&password="
                            + enc(PASSWORD)
                            + "&_csrf="
                            + enc(token.group(1))))
                .build(),
            HttpResponse.BodyHandlers.discarding());
    String cookie = setCookie(login, "SESSION");
    assertThat(cookie).contains("; HttpOnly").contains("; SameSite=Lax").contains("; Path=/");
  }

  /** The token a page's form carries, unmasked (Spring Security masks it anew on each page). */
  private static String unmasked(String masked) {
    byte[] bytes = Base64.getUrlDecoder().decode(masked);
    int half = bytes.length / 2;
    byte[] token = new byte[half];
    for (int i = 0; i < half; i++) {
      token[i] = (byte) (bytes[i] ^ bytes[half + i]);
    }
    return new String(token, StandardCharsets.UTF_8);
  }

  private static String setCookie(HttpResponse<?> answer, String name) {
    return answer.headers().allValues("Set-Cookie").stream()
        .filter(header -> header.startsWith(name + "="))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no cookie " + name));
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
