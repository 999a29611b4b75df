package com.smsportal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The template form's live preview (issue 24): typed content and samples, rendered as typed. */
class TemplatePreviewBrowserTests extends BrowserTest {

  @Test
  void typingATemplateAndASampleValueRendersEachSampleWithItsSegments() {
    new LoginPage(driver, baseUrl()).open().logInAs("acme", DEMO_PASSWORD);
    new Pages(driver, baseUrl()).open("/templates/new");
    // The name is still empty (a required field): the preview must not wait for it.
    driver.findElement(By.id("content")).sendKeys("您好 ${name}，取件码 ${code}");
    FluentWait<WebDriver> wait =
        new WebDriverWait(driver, Duration.ofSeconds(10))
            .ignoring(StaleElementReferenceException.class);
    wait.until(d -> !d.findElements(By.id("s1-name")).isEmpty());

    driver.findElement(By.id("s1-name")).clear();
    driver.findElement(By.id("s1-name")).sendKeys("王五");
    wait.until(d -> d.findElement(By.id("preview-text-1")).getText().equals("您好 王五，取件码 code"));
    assertThat(driver.findElement(By.id("preview-text-2")).getText()).isEqualTo("您好 name，取件码 code");
    assertThat(driver.findElement(By.id("preview-segments-1")).getText()).contains("计 1 条短信");

    // An unclosed placeholder is named with its position while typing.
    driver.findElement(By.id("content")).sendKeys(" ${x");
    wait.until(
        d ->
            d.findElement(By.id("preview-fault"))
                .getText()
                .contains("第 " + ("您好 ${name}，取件码 ${code} ".length() + 1) + " 个字符处"));
  }
}
