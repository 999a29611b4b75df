package com.smsportal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.smsportal.tenant.TenantService;
import com.smsportal.user.UserService;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

/**
 * The demo cannot be put on the network by accident, and its users do not outlive it: started as an
 * operator would start it (its own H2 file database in a data directory), the demo listens on
 * 127.0.0.1 only; started later without the demo on that data, the portal refuses until told to
 * remove the demo's data, and then serves no simulator.
 */
class DemoSafetyIntegrationTests {

  @TempDir Path dataDir;

  @Test
  void theDemoListensOnLoopbackOnlyAndAPortalWithoutItRefusesItsDataUntilRemoved()
      throws Exception {
    long tenantsBefore;
    try (ConfigurableApplicationContext demo = start()) {
      InetAddress bound = boundAddress(demo);
      assertThat(bound).isNotNull();
      assertThat(bound.isLoopbackAddress()).isTrue();
      assertThat(bound.getHostAddress()).isEqualTo("127.0.0.1");
      int port = port(demo);
      assertThat(status(port, "GET", "/simulator/control/accounts")).isNotEqualTo(404);
      assertThat(demo.getBean(UserService.class).exists("admin")).isTrue();
      tenantsBefore = demo.getBean(TenantService.class).count();
      demo.getBean(TenantService.class).create("Initech");
    }

    Throwable refused = catchThrowable(() -> start("--spring.profiles.active=production").close());
    assertThat(NestedExceptionUtils.getMostSpecificCause(refused).getMessage())
        .contains("--smsportal.remove-demo-data")
        .contains("admin")
        .doesNotContain("demo12345");

    try (ConfigurableApplicationContext portal =
        start("--spring.profiles.active=production", "--smsportal.remove-demo-data")) {
      UserService users = portal.getBean(UserService.class);
      assertThat(users.exists("admin")).isFalse();
      assertThat(users.exists("acme")).isFalse();
      assertThat(users.exists("support")).isFalse();
      TenantService tenants = portal.getBean(TenantService.class);
      assertThat(tenants.findByName("Acme")).isEmpty();
      assertThat(tenants.findByName("Globex")).isEmpty();
      assertThat(tenants.findByName("Initech")).isPresent();
      assertThat(tenants.count()).isEqualTo(tenantsBefore - 2 + 1);
      int port = port(portal);
      assertThat(status(port, "GET", "/simulator/control/accounts")).isEqualTo(404);
      assertThat(status(port, "POST", "/simulator/control/accounts")).isEqualTo(404);
      assertThat(status(port, "POST", "/simulator/sms.aspx")).isEqualTo(404);
    }
  }

  @Test
  void theDemoRefusesAnAddressOtherThanLoopbackUnlessRemoteIsAllowed() {
    Throwable refused = catchThrowable(() -> start("--server.address=0.0.0.0").close());
    assertThat(NestedExceptionUtils.getMostSpecificCause(refused).getMessage())
        .contains("SMSPORTAL_DEMO_ALLOW_REMOTE=true");
  }

  private ConfigurableApplicationContext start(String... extra) throws Exception {
    Path key = dataDir.resolve("test-encryption.key");
    if (!Files.exists(key)) {
      byte[] bytes = new byte[32];
      new SecureRandom().nextBytes(bytes);
      Files.writeString(key, Base64.getEncoder().encodeToString(bytes));
    }
    String[] base = {
      "--server.port=0",
      "--smsportal.data-dir=" + dataDir,
      // Its own file database, whatever the test run's shared database is.
      "--spring.datasource.url=jdbc:h2:file:"
          + dataDir.resolve("smsportal")
          + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
      "--spring.datasource.username=sa",
      "--spring.datasource.password=",
      "--spring.jpa.database-platform=org.hibernate.dialect.H2Dialect",
      // One key for the demo and the starts after it, as an operator would keep it.
      "--smsportal.encryption.key-file=" + key
    };
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return new SpringApplicationBuilder(SmsPortalApplication.class).run(args);
  }

  private static InetAddress boundAddress(ConfigurableApplicationContext context) {
    TomcatWebServer server =
        (TomcatWebServer) ((ServletWebServerApplicationContext) context).getWebServer();
    Connector connector = server.getTomcat().getConnector();
    return (InetAddress) connector.getProperty("address");
  }

  private static int port(ConfigurableApplicationContext context) {
    return ((ServletWebServerApplicationContext) context).getWebServer().getPort();
  }

  private static int status(int port, String method, String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    return HttpClient.newHttpClient()
        .send(request, HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
