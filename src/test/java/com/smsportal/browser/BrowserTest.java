package com.smsportal.browser;

import com.smsportal.PortalHttpTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole portal on a random port and one headless Chromium per test class; after each test the
 * browser's view is kept in target/screenshots for whoever reads a failure.
 */
@PortalHttpTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTest {

  static final String DEMO_PASSWORD = "demo12345";

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

  String baseUrl() {
    return "http://localhost:" + port;
  }
}
