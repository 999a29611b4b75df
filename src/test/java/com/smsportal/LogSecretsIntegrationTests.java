package com.smsportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs last and reads everything the tests of this build logged (unit tests and integration tests
 * append to one file, see logback-test.xml): no demo password may appear in it, in any line. Every
 * run of the integration tests ends with it, the MariaDB run too (its tag), so that the run that
 * ends last reads every line of the build.
 */
@Order(Integer.MAX_VALUE)
@Tag("every-run")
class LogSecretsIntegrationTests {

  private static final String DEMO_USER_PASSWORD = "demo12345";

  @Test
  void noDemoPasswordAppearsInTheLogsOfTheTestRun() throws IOException {
    Path log = Path.of(System.getProperty("smsportal.test-log", "target/test-logs/test-run.log"));
    assertThat(log).as("the test run's log file").exists();
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    assertThat(lines)
        .as("the gateway client logged the (masked) forms it sent during the run")
        .anyMatch(line -> line.contains("password=****"));

    List<String> secrets = demoPasswords();
    assertThat(secrets).hasSizeGreaterThanOrEqualTo(3);
    List<Integer> leaks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (secrets.stream().anyMatch(line::contains)) {
        leaks.add(i + 1);
      }
    }
    // Only line numbers: the failure report must not repeat the password.
    assertThat(leaks).as("numbers of the lines of %s holding a demo password", log).isEmpty();
  }

  /** The portal users' demo password and every simulator password the demo profile configures. */
  private static List<String> demoPasswords() throws IOException {
    List<String> secrets = new ArrayList<>(List.of(DEMO_USER_PASSWORD));
    Properties demo = new Properties();
    try (InputStream in =
        LogSecretsIntegrationTests.class.getResourceAsStream("/application-demo.properties")) {
      demo.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    for (String key : demo.stringPropertyNames()) {
      if (key.startsWith("smsportal.simulator.accounts[") && key.endsWith("].password")) {
        secrets.add(demo.getProperty(key));
      }
    }
    return secrets;
  }
}
