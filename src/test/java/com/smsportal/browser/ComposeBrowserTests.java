package com.smsportal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

class ComposeBrowserTests extends BrowserTest {

  @Test
  void typingNumbersAndTextUpdatesTheCountsAndTheCostLive() {
    new LoginPage(driver, baseUrl()).open().logInAs("acme", DEMO_PASSWORD);
    Pages pages = new Pages(driver, baseUrl()).open("/send");
    assertThat(pages.text("check-valid")).isEqualTo("0");

    driver.findElement(By.id("mobiles")).sendKeys("13800138000\n+86 139 0013 9000\n13800138000");
    driver.findElement(By.id("content")).sendKeys("【聚合云】" + "好".repeat(70));

    // Each keystroke may swap the counts again (htmx): an element read may be replaced meanwhile.
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(d -> "4".equals(d.findElement(By.id("check-cost")).getText()));
    assertThat(pages.text("check-valid")).isEqualTo("2");
    assertThat(pages.text("check-duplicates")).isEqualTo("1");
    assertThat(pages.text("check-segments")).isEqualTo("2");
  }

  @Test
  void aSentJobShowsItsProgressUntilAllIsHandedToTheGateway() {
    new LoginPage(driver, baseUrl()).open().logInAs("acme", DEMO_PASSWORD);
    Pages pages = new Pages(driver, baseUrl()).open("/send");
    // The demo account points at this run's simulator.
    new Select(driver.findElement(By.id("accountId"))).selectByVisibleText("聚合云 (模拟器)");
    driver.findElement(By.id("mobiles")).sendKeys("13800138000, 13900139000, 13700137000");
    driver.findElement(By.id("content")).sendKeys("【聚合云】您的订单已发货。");
    pages.press("send-submit");
    // Issue 23: what will be sent, then the confirm.
    assertThat(pages.text("confirm-recipients")).isEqualTo("3");
    pages.press("confirm-send");

    assertThat(pages.path()).startsWith("/jobs/");
    assertThat(pages.text("job-submitted")).isNotBlank();
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .ignoring(StaleElementReferenceException.class)
        .until(d -> "等待回执".equals(d.findElement(By.id("job-state")).getText()));
    WebElement bar = driver.findElement(By.id("job-bar"));
    assertThat(bar.getAttribute("value")).isEqualTo("3");
    assertThat(bar.getAttribute("max")).isEqualTo("3");
    assertThat(driver.findElements(By.cssSelector("#chunk-table tbody tr"))).hasSize(1);
  }
}
