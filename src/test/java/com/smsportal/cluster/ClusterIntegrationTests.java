package com.smsportal.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.smsportal.DatabaseDependent;
import com.smsportal.Logins;
import com.smsportal.PortalDatabase;
import com.smsportal.PortalHttpClient;
import com.smsportal.PortalProcess;
import com.smsportal.browser.Chromium;
import com.smsportal.browser.Navigation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;

/**
 * Three portal nodes, each the built jar in a process of its own with a data directory of its own,
 * on one MariaDB database, behind HAProxy with no stickiness: a customer's browser session works
 * whichever node answers, and suspending the tenant on one node ends the session on all. Runs in
 * the build's MariaDB run only (an H2 file is one process's).
 */
@DatabaseDependent("three jar nodes on one database behind a load balancer")
class ClusterIntegrationTests {

  /** The customer's pages, visited in turn. */
  private static final List<String> PAGES =
      List.of("/", "/send", "/jobs", "/receipts", "/replies", "/optouts");

  @TempDir Path work;

  @Test
  void aBrowserSessionWorksOnEveryNodeAndSuspendingTheTenantOnOneNodeEndsItOnAll()
      throws Exception {
    assumeTrue("mariadb".equals(System.getProperty("it.database")), "three nodes need MariaDB");
    assumeTrue(Files.isExecutable(LoadBalancer.HAPROXY), "needs Debian's haproxy (.ci/run)");
    Instant began = Instant.now();
    PortalDatabase database = PortalDatabase.fresh(work.resolve("a"), "cluster");
    Map<String, PortalProcess> nodes = new LinkedHashMap<>();
    nodes.put("a", node(database, "a"));
    nodes.put("b", node(database, "b"));
    nodes.put("c", node(database, "c"));
    WebDriver browser = null;
    try {
      startAll(nodes);
      System.out.printf(
          "three nodes up %.0f s after the start%n",
          Duration.between(began, Instant.now()).toMillis() / 1e3);
      try (LoadBalancer balancer = new LoadBalancer(work, nodes)) {
        browser = Chromium.start();
        workThroughTheBalancer(browser, balancer);
        endTheSessionOnNodeA(browser, balancer, nodes, database);
      }
    } finally {
      if (browser != null) {
        browser.quit();
      }
      for (PortalProcess node : nodes.values()) {
        node.close();
      }
    }
    System.out.printf(
        "ClusterIntegrationTests: %.0f s in all%n",
        Duration.between(began, Instant.now()).toMillis() / 1e3);
  }

  /** Logs in through the balancer and works on for 30 pages, which every node takes turns at. */
  private void workThroughTheBalancer(WebDriver browser, LoadBalancer balancer) throws Exception {
    String base = balancer.baseUrl();
    browser.get(base + "/login");
    browser.findElement(By.id("username")).sendKeys("acme");
    browser.findElement(By.id("password")).sendKeys(Logins.DEMO_PASSWORD);
    Navigation.clickAndWait(browser, browser.findElement(By.id("login-submit")));
    assertThat(path(browser)).as("signed in, on the dashboard").isEqualTo("/");
    long from = balancer.logLines();

    for (int i = 0; i < 27; i++) {
      String page = PAGES.get(i % PAGES.size());
      // Halfway the customer switches to English, which sticks for the rest of the visit.
      browser.get(base + page + (i == 12 ? "?lang=en" : ""));
      assertThat(path(browser)).as("page %d, %s: still signed in", i + 1, page).isEqualTo(page);
      assertThat(browser.findElement(By.id("current-username")).getText()).isEqualTo("acme");
      assertThat(browser.findElement(By.tagName("html")).getAttribute("lang"))
          .isEqualTo(i < 12 ? "zh-CN" : "en");
    }
    // A form sent through the balancer: its CSRF token and the flash message after the redirect
    // belong to the session, wherever the form page, the post and the next page were served.
    browser.get(base + "/optouts/new");
    browser.findElement(By.id("mobile")).sendKeys("13900000077");
    Navigation.clickAndWait(browser, browser.findElement(By.id("optout-submit")));
    assertThat(path(browser)).isEqualTo("/optouts");
    assertThat(browser.findElement(By.id("optout-added")).getText()).contains("13900000077");

    Map<String, Integer> served = balancer.pageRequestsByNode(from);
    System.out.println("requests of the signed-in browser by node: " + served);
    assertThat(served.keySet()).as("nodes that served the session").contains("a", "b", "c");
    assertThat(served.values().stream().mapToInt(Integer::intValue).sum())
        .isGreaterThanOrEqualTo(30);
    assertThat(served.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(5));
  }

  /**
   * Support suspends the customer's tenant on node A; the browser's session then is over on B and C
   * (asked directly, with the browser's cookie: cookies belong to the host, not the port) and
   * through the balancer.
   */
  private void endTheSessionOnNodeA(
      WebDriver browser,
      LoadBalancer balancer,
      Map<String, PortalProcess> nodes,
      PortalDatabase database)
      throws Exception {
    Cookie session = browser.manage().getCookieNamed("SESSION");
    assertThat(session.isHttpOnly()).as("the session cookie, out of scripts' reach").isTrue();
    String cookie = "SESSION=" + session.getValue();
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    Set<String> servedBy = new HashSet<>();
    for (int i = 0; i < 6; i++) {
      HttpResponse<String> answer = get(http, balancer.baseUrl() + "/jobs", cookie);
      assertThat(answer.statusCode()).as("the browser's session, replayed").isEqualTo(200);
      answer.headers().firstValue("X-Served-By").ifPresent(servedBy::add);
    }
    assertThat(servedBy)
        .as("X-Served-By through the balancer")
        .containsExactlyInAnyOrder("a", "b", "c");
    for (String node : List.of("b", "c")) {
      HttpResponse<String> answer = get(http, nodes.get(node).baseUrl() + "/jobs", cookie);
      assertThat(answer.statusCode()).as("node %s, before the suspension", node).isEqualTo(200);
      assertThat(answer.body()).contains("id=\"current-username\">acme<");
    }

    long acme = database.count("select id from tenant where name = 'Acme'");
    PortalHttpClient support =
        new PortalHttpClient(nodes.get("a").port()).logIn("support", Logins.DEMO_PASSWORD);
    support.enrolSecondFactor();
    HttpResponse<String> suspended =
        support.submit(
            "/support/tenants/" + acme,
            "/support/tenants/" + acme + "/suspend",
            "reason=cluster+test");
    assertThat(suspended.statusCode()).as("suspended on node A").isEqualTo(302);

    for (String node : List.of("b", "c")) {
      HttpResponse<String> answer = get(http, nodes.get(node).baseUrl() + "/jobs", cookie);
      assertThat(answer.statusCode()).as("node %s, after the suspension", node).isEqualTo(302);
      assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith("/login?expired");
    }
    browser.get(balancer.baseUrl() + "/jobs");
    assertThat(path(browser)).as("the browser's next page").isEqualTo("/login");
    assertThat(browser.findElement(By.id("login-expired")).isDisplayed()).isTrue();
  }

  private PortalProcess node(PortalDatabase database, String name) {
    List<String> arguments = new ArrayList<>(database.demoArguments(work.resolve(name)));
    // X-Forwarded-For believed from the balancer's address only, as the compose cluster does.
    arguments.add("--server.tomcat.remoteip.internal-proxies=127.0.0.1/32");
    if (!name.equals("a")) {
      // The other nodes of the demo: node A's credential key, and A's simulator for the gateway.
      arguments.add("--smsportal.encryption.key-file=" + work.resolve("a/encryption.key"));
      arguments.add("--smsportal.simulator.enabled=false");
    }
    // Three JVMs start on a small machine: the quick compiler only, which starts them sooner.
    return new PortalProcess(
        PortalProcess.QUICK_START,
        arguments,
        database.portalEnvironment(),
        work.resolve(name + ".log"));
  }

  /**
   * Node A first (it migrates the empty database and seeds the demo, which two nodes must not do at
   * once), then B and C together.
   */
  private static void startAll(Map<String, PortalProcess> nodes) throws Exception {
    nodes.get("a").start();
    CompletableFuture<?> b = CompletableFuture.runAsync(() -> start(nodes.get("b")));
    CompletableFuture<?> c = CompletableFuture.runAsync(() -> start(nodes.get("c")));
    CompletableFuture.allOf(b, c).join();
  }

  private static void start(PortalProcess node) {
    try {
      node.start();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> get(HttpClient http, String url, String cookie)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Cookie", cookie)
            .header("Accept", "text/html")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String path(WebDriver browser) {
    return URI.create(browser.getCurrentUrl()).getPath();
  }
}
