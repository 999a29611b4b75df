package com.smsportal.browser;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Clicks that load a new page, waiting until the old page is gone and the new one is complete, so
 * that the next look at the page never reads an element of the page being left.
 */
public final class Navigation {

  private Navigation() {}

  public static void clickAndWait(WebDriver driver, WebElement target) {
    WebElement oldPage = driver.findElement(By.tagName("html"));
    target.click();
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    wait.until(d -> gone(oldPage));
    wait.until(
        d ->
            "complete"
                .equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  /**
   * Whether the element's page has been left. Chromium says so as a stale element, or, while it
   * tears the old document down, sometimes as an inspector error of its own ("Node with given id
   * does not belong to the document"), which Selenium's stalenessOf does not take for staleness.
   */
  private static boolean gone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (StaleElementReferenceException left) {
      return true;
    } catch (WebDriverException e) {
      if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
        return true;
      }
      throw e;
    }
  }
}
