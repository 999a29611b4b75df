package com.smsportal.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.PortalHttpTest;
import com.smsportal.SmsPortalApplication;
import com.smsportal.tenant.TenantService;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whose {@code X-Forwarded-For} is believed (issue 20): nobody's by default, so a client cannot
 * pick the address its failed logins are counted and recorded under; only the proxy named in {@code
 * server.tomcat.remoteip.internal-proxies} ({@code SMSPORTAL_TRUSTED_PROXIES}). The portals started
 * here also show the data directory of a started demo closed to everybody else.
 */
@PortalHttpTest
class TrustedProxyIntegrationTests {

  static final String PASSWORD = "a-good-long-password";
  static final String FORGED = "203.0.113.77";
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired UserService users;
  @Autowired TenantService tenants;

  @TempDir Path dataDir;

  @Test
  void aForwardedAddressIsIgnoredByDefault() throws Exception {
    String name = newCustomer();
    failedLoginWithForwardedAddress(port, name);
    assertThat(addressesRecordedFor(jdbc, name)).containsExactly("127.0.0.1");
  }

  @Test
  void theForwardedHeadersStrategyAloneTrustsNoPrivateRange() throws Exception {
    // The setting the README once gave for clusters: with Tomcat's defaults it believed every
    // private and loopback address, so any client on a LAN or VPN picked its own address.
    try (ConfigurableApplicationContext node = node("--server.forward-headers-strategy=native")) {
      String name = newCustomer();
      failedLoginWithForwardedAddress(portOf(node), name);
      assertThat(addressesRecordedFor(jdbc, name)).containsExactly("127.0.0.1");
    }
  }

  @Test
  void aForwardedAddressIsIgnoredFromAnyOtherThanTheConfiguredProxy() throws Exception {
    try (ConfigurableApplicationContext node =
        node("--server.tomcat.remoteip.internal-proxies=192.0.2.10/32")) {
      String name = newCustomer();
      failedLoginWithForwardedAddress(portOf(node), name);
      assertThat(addressesRecordedFor(jdbc, name)).containsExactly("127.0.0.1");
    }
  }

  @Test
  void theConfiguredProxysForwardedAddressIsUsedAndTheDataDirectoryIsPrivate() throws Exception {
    try (ConfigurableApplicationContext node =
        node(
            "--server.tomcat.remoteip.internal-proxies=127.0.0.1/32",
            // A demo of its own on an H2 file in its own data directory, as the shipped demo runs.
            "--smsportal.data-dir=" + dataDir,
            "--spring.datasource.url=jdbc:h2:file:"
                + dataDir
                + "/smsportal;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")) {
      JdbcTemplate itsDatabase = node.getBean(JdbcTemplate.class);
      failedLoginWithForwardedAddress(portOf(node), "acme");
      assertThat(addressesRecordedFor(itsDatabase, "acme")).containsExactly(FORGED);

      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)))
          .isEqualTo("rwx------");
      try (Stream<Path> files = Files.list(dataDir)) {
        List<Path> database =
            files.filter(f -> f.getFileName().toString().startsWith("smsportal")).toList();
        assertThat(database).isNotEmpty();
        for (Path file : database) {
          assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
              .as(file.getFileName().toString())
              .isEqualTo("rw-------");
        }
      }
    }
  }

  private static ConfigurableApplicationContext node(String... settings) {
    List<String> arguments =
        new java.util.ArrayList<>(
            List.of(
                "--server.port=0",
                "--smsportal.node.id=it-proxy-" + UUID.randomUUID(),
                "--smsportal.simulator.enabled=false"));
    arguments.addAll(List.of(settings));
    return new SpringApplicationBuilder(SmsPortalApplication.class)
        .run(arguments.toArray(String[]::new));
  }

  private static int portOf(ConfigurableApplicationContext node) {
    return ((WebServerApplicationContext) node).getWebServer().getPort();
  }

  /** A wrong password through the login form, the request claiming to come from {@link #FORGED}. */
  private static void failedLoginWithForwardedAddress(int port, String username) throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    String base = "http://127.0.0.1:" + port;
    String form =
        http.send(
                HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher token = CSRF.matcher(form);
    assertThat(token.find()).isTrue();
    HttpResponse<String> refused =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", FORGED)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username="
                            + username
                            + "&password=wrong-password&_csrf="
                            + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login?error=bad");
  }

  private static List<String> addressesRecordedFor(JdbcTemplate jdbc, String username) {
    return jdbc.queryForList(
        "select client_ip from login_attempt where username = ?", String.class, username);
  }

  private String newCustomer() {
    String name = "fwd-" + UUID.randomUUID().toString().substring(0, 8);
    long tenant = tenants.create("Fwd " + name).id();
    users.create(name, PASSWORD, Role.TENANT_ADMIN, tenant);
    return name;
  }
}
