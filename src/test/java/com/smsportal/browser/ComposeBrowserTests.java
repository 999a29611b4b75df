package com.smsportal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

class ComposeBrowserTests extends BrowserTest {

  @Test
  void typingNumbersAndTextUpdatesTheCountsAndTheCostLive() {
    new LoginPage(driver, baseUrl()).open().logInAs("acme", DEMO_PASSWORD);
    Pages pages = new Pages(driver, baseUrl()).open("/send");
    assertThat(pages.text("check-valid")).isEqualTo("0");

    driver.findElement(By.id("mobiles")).sendKeys("13800138000\n+86 139 0013 9000\n13800138000");
    driver.findElement(By.id("content")).sendKeys("【聚合云】" + "好".repeat(70));

    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> "4".equals(d.findElement(By.id("check-cost")).getText()));
    assertThat(pages.text("check-valid")).isEqualTo("2");
    assertThat(pages.text("check-duplicates")).isEqualTo("1");
    assertThat(pages.text("check-segments")).isEqualTo("2");
  }
}
