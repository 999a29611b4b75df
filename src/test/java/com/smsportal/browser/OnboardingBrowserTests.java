package com.smsportal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A new enterprise from start to first balance: support creates the tenant and its user, the user
 * logs in with the one-time password, chooses their own, adds a gateway account on the simulator,
 * tests the connection and sees the balance.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnboardingBrowserTests {

  @LocalServerPort int port;
  WebDriver driver;

  @BeforeAll
  void startBrowser() throws Exception {
    driver = Chromium.start();
  }

  @AfterAll
  void stopBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  @AfterEach
  void screenshot(TestInfo test) throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "screenshots"));
    byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    Files.write(dir.resolve(test.getTestMethod().orElseThrow().getName() + ".png"), png);
  }

  @Test
  void supportOnboardsAnEnterpriseThatThenSeesItsGatewayBalance() {
    String base = "http://localhost:" + port;
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String tenant = "Initech-" + suffix;
    String username = "peter" + suffix;

    new LoginPage(driver, base).open().logInAs("support", "demo12345");
    Pages pages = new Pages(driver, base);
    pages.open("/support/tenants").press("tenant-new");
    pages.fill("name", tenant).fill("contact", "Peter, 138 0000 0000").press("tenant-save");
    assertThat(pages.text("tenant-name")).isEqualTo(tenant);

    pages.press("tenant-users").fill("username", username).fill("displayName", "Peter");
    pages.press("user-create");
    String temporary = pages.text("issued-value");
    assertThat(temporary).hasSize(14);
    pages.press("logout");

    new LoginPage(driver, base).open().submit(username, temporary);
    assertThat(pages.path()).isEqualTo("/account/password");
    pages
        .fill("current", temporary)
        .fill("password", "Stapler-Red-1999")
        .fill("repeat", "Stapler-Red-1999");
    pages.press("password-save");
    assertThat(pages.text("password-changed")).isNotBlank();

    pages.open("/accounts").press("account-new-first");
    pages
        .fill("name", "聚合云 主账户")
        .fill("baseUrl", base + "/simulator")
        .fill("userid", "102")
        .fill("account", "globex")
        .fill("password", "GlobexGw-4682")
        .fill("passwordConfirmation", "GlobexGw-4682")
        .press("account-submit");
    assertThat(pages.heading()).isEqualTo("聚合云 主账户");

    pages.pressAndWaitFor("test-connection", "connection-balance");
    assertThat(pages.text("connection-balance")).matches("[0-9,]+");
    assertThat(pages.text("connection-paymode")).isEqualTo("预付费");
  }
}
