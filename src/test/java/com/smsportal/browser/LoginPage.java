package com.smsportal.browser;

import com.smsportal.user.secondfactor.SecondFactorFixture;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The login form, as a user sees it. */
final class LoginPage {

  private final WebDriver driver;
  private final String baseUrl;

  LoginPage(WebDriver driver, String baseUrl) {
    this.driver = driver;
    this.baseUrl = baseUrl;
  }

  LoginPage open() {
    driver.manage().deleteAllCookies();
    driver.get(baseUrl + "/login");
    return this;
  }

  /**
   * Logs in; a user with a second factor finishes on the code page with a code from {@link
   * SecondFactorFixture}.
   */
  PortalPage logInAs(String username, String password) {
    SecondFactorFixture.prepare(username);
    submit(username, password);
    if (driver.getCurrentUrl().endsWith("/login/verify")) {
      enterCode(SecondFactorFixture.nextCode(username));
    }
    return new PortalPage(driver, baseUrl);
  }

  /** Types a code (or a recovery code) on the code page and sends it. */
  LoginPage enterCode(String code) {
    driver.findElement(By.id("code")).sendKeys(code);
    Navigation.clickAndWait(driver, driver.findElement(By.id("verify-submit")));
    return this;
  }

  LoginPage submit(String username, String password) {
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(password);
    Navigation.clickAndWait(driver, driver.findElement(By.id("login-submit")));
    return this;
  }

  String error() {
    return driver.findElement(By.id("login-error")).getText();
  }

  String heading() {
    return driver.findElement(By.tagName("h1")).getText();
  }

  String language() {
    return driver.findElement(By.tagName("html")).getAttribute("lang");
  }

  LoginPage switchTo(String languageLinkId) {
    Navigation.clickAndWait(driver, driver.findElement(By.id(languageLinkId)));
    return this;
  }
}
