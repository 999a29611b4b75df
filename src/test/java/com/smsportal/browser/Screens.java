package com.smsportal.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Whole-page pictures of the page as it is now, at a wide and a narrow screen, for whoever looks at
 * a page's layout: only when a directory is given ({@code -Dit.shots=dir}), else nothing.
 */
final class Screens {

  private static final int[] WIDTHS = {1400, 420};

  private final ChromeDriver driver;
  private final Path dir;

  Screens(ChromeDriver driver, String dir) {
    this.driver = driver;
    this.dir = dir == null || dir.isBlank() ? null : Path.of(dir);
  }

  /** Pictures named {@code <name>-<language>-<width>.png}; the window is put back afterwards. */
  void take(String name) throws IOException {
    if (dir == null) {
      return;
    }
    Files.createDirectories(dir);
    String language = (String) driver.executeScript("return document.documentElement.lang");
    for (int width : WIDTHS) {
      metrics(width, 900);
      long height =
          ((Number) driver.executeScript("return document.documentElement.scrollHeight"))
              .longValue();
      metrics(width, (int) Math.min(height, 6000));
      Files.write(
          dir.resolve(name + "-" + language + "-" + width + ".png"),
          driver.getScreenshotAs(OutputType.BYTES));
    }
    driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
  }

  private void metrics(int width, int height) {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
  }
}
