package com.smsportal.browser;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portal's forms and pages as a user works them: fill a field by its id, press a button and
 * wait for the next page, read what a page says.
 */
final class Pages {

  private final WebDriver driver;
  private final String baseUrl;

  Pages(WebDriver driver, String baseUrl) {
    this.driver = driver;
    this.baseUrl = baseUrl;
  }

  Pages open(String path) {
    driver.get(baseUrl + path);
    return this;
  }

  Pages fill(String id, String value) {
    WebElement field = driver.findElement(By.id(id));
    field.clear();
    field.sendKeys(value);
    return this;
  }

  /** Chooses the option of this value in a select. */
  Pages choose(String id, String value) {
    new Select(driver.findElement(By.id(id))).selectByValue(value);
    return this;
  }

  /** Presses a button or link that loads another page, accepting its confirmation if it asks. */
  Pages press(String id) {
    Navigation.clickAndWait(driver, driver.findElement(By.id(id)));
    return this;
  }

  /** Presses a button that updates part of the page (htmx), then waits for the element to show. */
  Pages pressAndWaitFor(String id, String shownId) {
    driver.findElement(By.id(id)).click();
    new WebDriverWait(driver, Duration.ofSeconds(15))
        .until(d -> !d.findElements(By.id(shownId)).isEmpty());
    return this;
  }

  /** The element's text; read again if htmx replaced the element between finding and reading. */
  String text(String id) {
    for (int attempt = 1; ; attempt++) {
      try {
        return driver.findElement(By.id(id)).getText();
      } catch (org.openqa.selenium.StaleElementReferenceException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  String path() {
    String url = driver.getCurrentUrl();
    return url.substring(baseUrl.length());
  }

  String heading() {
    return driver.findElement(By.tagName("h1")).getText();
  }
}
