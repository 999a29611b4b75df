package com.smsportal.browser;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
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
    wait.until(ExpectedConditions.stalenessOf(oldPage));
    wait.until(
        d ->
            "complete"
                .equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }
}
