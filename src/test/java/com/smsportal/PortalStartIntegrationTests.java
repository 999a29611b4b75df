package com.smsportal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.smsportal.tenant.TenantService;
import com.smsportal.user.UserService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

/** Starts the real application, as an operator would, and looks at what it left behind. */
class PortalStartIntegrationTests {

  /** Without the demo, the portal needs a credential key (32 bytes, base64) to start at all. */
  static final String PRODUCTION_KEY =
      "--smsportal.encryption.key=" + Base64.getEncoder().encodeToString(new byte[32]);

  @TempDir Path dataDir;

  @Test
  void theDemoKeepsItsDataInAnH2FileThatSurvivesARestart() {
    try (ConfigurableApplicationContext first = start()) {
      first.getBean(TenantService.class).create("Initech");
      assertThat(first.getBean(UserService.class).exists("acme")).isTrue();
    }
    assertThat(Files.exists(dataDir.resolve("smsportal.mv.db"))).isTrue();

    try (ConfigurableApplicationContext second = start()) {
      TenantService tenants = second.getBean(TenantService.class);
      assertThat(tenants.findByName("Initech")).isPresent();
      // Seeding again found the demo tenants and added none.
      assertThat(tenants.count()).isEqualTo(3);
    }
  }

  @Test
  void withoutTheDemoNoDemoUserExistsAndTheFirstAdminComesFromConfiguration() {
    try (ConfigurableApplicationContext portal =
        start(
            "--spring.profiles.active=production",
            PRODUCTION_KEY,
            "--smsportal.bootstrap.admin-username=Root-Admin",
            "--smsportal.bootstrap.admin-password=a-long-enough-secret")) {
      UserService users = portal.getBean(UserService.class);
      assertThat(users.exists("acme")).isFalse();
      assertThat(users.exists("admin")).isFalse();
      assertThat(users.exists("root-admin")).isTrue();
      assertThat(portal.getBean(TenantService.class).count()).isZero();
    }
  }

  @Test
  void aShortFirstAdminPasswordStopsTheStartWithAClearMessage() {
    Throwable failure =
        catchThrowable(
            () ->
                start(
                        "--spring.profiles.active=production",
                        PRODUCTION_KEY,
                        "--smsportal.bootstrap.admin-username=root",
                        "--smsportal.bootstrap.admin-password=short")
                    .close());
    assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
        .hasMessage("SMSPORTAL_ADMIN_PASSWORD must have at least 12 characters");
  }

  private ConfigurableApplicationContext start(String... extra) {
    String[] args = new String[extra.length + 2];
    args[0] = "--server.port=0";
    args[1] = "--smsportal.data-dir=" + dataDir;
    System.arraycopy(extra, 0, args, 2, extra.length);
    return ShippedDatabase.run(
        () -> new SpringApplicationBuilder(SmsPortalApplication.class).run(args));
  }
}
