package com.smsportal.browser;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Any page inside the portal: navigation, who is logged in, language. */
final class PortalPage {

  private final WebDriver driver;
  private final String baseUrl;

  PortalPage(WebDriver driver, String baseUrl) {
    this.driver = driver;
    this.baseUrl = baseUrl;
  }

  List<String> navigationIds() {
    return driver.findElements(By.cssSelector("nav.nav a[id^=nav-]")).stream()
        .map(e -> e.getAttribute("id"))
        .toList();
  }

  String username() {
    return driver.findElement(By.id("current-username")).getText();
  }

  String role() {
    return driver.findElement(By.id("current-role")).getText();
  }

  String heading() {
    return driver.findElement(By.tagName("h1")).getText();
  }

  String language() {
    return driver.findElement(By.tagName("html")).getAttribute("lang");
  }

  PortalPage switchTo(String languageLinkId) {
    Navigation.clickAndWait(driver, driver.findElement(By.id(languageLinkId)));
    return this;
  }

  PortalPage follow(String navId) {
    Navigation.clickAndWait(driver, driver.findElement(By.id(navId)));
    return this;
  }

  PortalPage open(String path) {
    driver.get(baseUrl + path);
    return this;
  }

  String path() {
    return driver.getCurrentUrl().substring(baseUrl.length());
  }

  List<String> tableColumn(String tableId, int column) {
    return driver
        .findElements(By.cssSelector("#" + tableId + " tbody tr td:nth-child(" + column + ")"))
        .stream()
        .map(WebElement::getText)
        .toList();
  }

  void typeInto(String inputId, String text) {
    driver.findElement(By.id(inputId)).sendKeys(text);
  }

  void waitUntil(java.util.function.BooleanSupplier condition) {
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(d -> condition.getAsBoolean());
  }

  /** What the page's own script sees of htmx: "object" once the WebJar loaded under the CSP. */
  String htmxType() {
    return (String) ((JavascriptExecutor) driver).executeScript("return typeof window.htmx;");
  }

  LoginPage logOut() {
    Navigation.clickAndWait(driver, driver.findElement(By.id("logout")));
    return new LoginPage(driver, baseUrl);
  }
}
