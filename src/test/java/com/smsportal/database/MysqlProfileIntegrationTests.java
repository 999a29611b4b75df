package com.smsportal.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.smsportal.DatabaseDependent;
import com.smsportal.PortalDatabase;
import com.smsportal.PortalHttpClient;
import com.smsportal.PortalProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar as an operator runs it in production: the shipped {@code mysql} profile, set only
 * through its environment variables, on the build's MariaDB reached through MySQL Connector/J (its
 * {@code jdbc:mysql:} URL). Runs in the build's MariaDB run only.
 */
@DatabaseDependent("the built jar on the shipped mysql profile through MySQL Connector/J")
class MysqlProfileIntegrationTests {

  private static final String ADMIN = "root-admin";
  private static final String ADMIN_PASSWORD = "a-long-enough-secret";

  @TempDir Path dataDir;

  @Test
  void theFirstAdministratorLogsInThroughTheFormOnMariaDb() throws Exception {
    assumeTrue("mariadb".equals(System.getProperty("it.database")), "needs the MariaDB run");
    PortalDatabase database = PortalDatabase.fresh(dataDir, "jar");
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Map<String, String> environment = new HashMap<>(database.portalEnvironment());
    environment.put("SPRING_PROFILES_ACTIVE", "mysql");
    environment.put("SMSPORTAL_DATA_DIR", dataDir.toString());
    environment.put("SMSPORTAL_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(key));
    environment.put("SMSPORTAL_ADMIN_USERNAME", ADMIN);
    environment.put("SMSPORTAL_ADMIN_PASSWORD", ADMIN_PASSWORD);

    try (PortalProcess portal =
        new PortalProcess(
                PortalProcess.QUICK_START, List.of(), environment, dataDir.resolve("portal.log"))
            .start()) {
      PortalHttpClient admin = new PortalHttpClient(portal.port()).logIn(ADMIN, ADMIN_PASSWORD);
      assertThat(admin.get("/admin/audit").statusCode())
          .as("staff without a second factor: sent to set one up first")
          .isEqualTo(302);
      admin.enrolSecondFactor();

      assertThat(admin.get("/admin/audit").statusCode())
          .as("a page for administrators")
          .isEqualTo(200);
      String log = Files.readString(portal.log());
      assertThat(log).contains("Database dialect: MariaDBDialect").doesNotContain("HHH000511");
      assertThat(log)
          .as("the server's durability settings, read at start-up")
          .contains("Database durability: innodb_flush_log_at_trx_commit=1");
    }
  }
}
