package com.smsportal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.sending.SendFixtures;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The layout on a phone (420 px) and a desktop (1400 px), in both languages (issue 23): the page's
 * content starts near the top behind a menu button, and no short Chinese label (a button, a
 * navigation link, a badge, a table heading) is broken over two lines. Measured from the elements'
 * boxes in Chromium; every page's picture is kept in target/screenshots/layout.
 */
class LayoutBrowserTests extends BrowserTest {

  /** A phone's content must begin within this many pixels of the page's top. */
  static final int NARROW_CONTENT_TOP = 120;

  /** Each user's pages, the detail pages of Acme's job and of Acme included. */
  Map<String, List<String>> pages;

  @Autowired ApplicationContext context;
  @Autowired TenantService tenants;
  @Autowired GatewayAccounts accounts;
  @Autowired Clock clock;

  Layout layout;

  @BeforeAll
  void jobsOfAcme() {
    long acme = tenants.findByName("Acme").orElseThrow().id();
    long account = TenantContext.callAs(acme, () -> accounts.list()).get(0).id();
    long job = new SendFixtures(context).accepted(acme, account, clock.instant(), 3, 1, 1);
    layout = new Layout((ChromeDriver) driver);
    pages =
        Map.of(
            "acme",
            List.of(
                "/",
                "/send",
                "/jobs",
                "/jobs/" + job,
                "/receipts",
                "/replies",
                "/optouts",
                "/accounts",
                "/settings/users",
                "/account/password"),
            "admin",
            List.of(
                "/",
                "/accounts",
                "/support/tenants",
                "/support/tenants/" + acme,
                "/support/staff",
                "/admin/logins",
                "/admin/audit",
                "/admin/endpoints",
                "/admin/pollers"));
  }

  @ParameterizedTest(name = "{0} px")
  @ValueSource(ints = {420, 1400})
  void everyPageStartsNearTheTopAndKeepsItsShortChineseLabelsOnOneLine(int width) throws Exception {
    layout.width(width);
    List<String> problems = new ArrayList<>();
    for (String user : List.of("acme", "admin")) {
      new LoginPage(driver, baseUrl()).open().logInAs(user, DEMO_PASSWORD);
      for (String language : List.of("zh-CN", "en")) {
        for (String path : pages.get(user)) {
          driver.get(baseUrl() + path + "?lang=" + language);
          String name = width + "-" + language + "-" + user + path.replace('/', '_');
          layout.screenshot(name);
          double top = layout.contentTop();
          if (width < 768 && (top < 0 || top >= NARROW_CONTENT_TOP)) {
            problems.add(name + ": content starts at " + top + " px");
          }
          problems.addAll(layout.brokenLabels());
          if (layout.shown("menu-toggle")) {
            driver.findElement(By.id("menu-toggle")).click();
            problems.addAll(layout.brokenLabels("nav a, .topbar .btn"));
            if (path.equals("/")) {
              layout.screenshot(name + "-menu");
            }
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void onAPhoneTheMenuButtonOpensAndClosesTheNavigationFromTheKeyboard() {
    layout.width(420);
    new LoginPage(driver, baseUrl()).open().logInAs("acme", DEMO_PASSWORD);
    new Pages(driver, baseUrl()).open("/jobs?lang=zh-CN");
    WebElement toggle = driver.findElement(By.id("menu-toggle"));
    assertThat(layout.shown("nav-receipts")).isFalse();
    assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");

    toggle.sendKeys(Keys.ENTER);
    assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
    assertThat(layout.shown("nav-receipts")).isTrue();
    assertThat(layout.shown("logout")).isTrue();

    driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
    assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
    assertThat(layout.shown("nav-receipts")).isFalse();
    assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("menu-toggle");

    toggle.click();
    assertThat(layout.shown("nav-receipts")).isTrue();
    driver.findElement(By.tagName("h1")).click();
    assertThat(toggle.getAttribute("aria-expanded"))
        .as("a tap on the page beside the open menu closes it")
        .isEqualTo("false");
    assertThat(layout.shown("nav-receipts")).isFalse();

    toggle.sendKeys(Keys.SPACE);
    Navigation.clickAndWait(driver, driver.findElement(By.id("nav-receipts")));
    assertThat(new Pages(driver, baseUrl()).path()).startsWith("/receipts");
    assertThat(layout.contentTop()).isLessThan(NARROW_CONTENT_TOP);
  }

  @Test
  void onADesktopTheNavigationIsAlwaysShownAndTheMenuButtonIsNot() {
    layout.width(1400);
    new LoginPage(driver, baseUrl()).open().logInAs("acme", DEMO_PASSWORD);
    new Pages(driver, baseUrl()).open("/jobs?lang=zh-CN");
    assertThat(layout.shown("menu-toggle")).isFalse();
    assertThat(layout.shown("nav-receipts")).isTrue();
    assertThat(layout.shown("logout")).isTrue();
  }
}
