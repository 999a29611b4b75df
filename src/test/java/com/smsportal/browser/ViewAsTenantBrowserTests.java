package com.smsportal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.sending.SendFixtures;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Support views a tenant's pages as its customer sees them (issue 23): from the tenant's own
 * navigation, read-only with the reason beside every action, until the visit ends.
 */
class ViewAsTenantBrowserTests extends BrowserTest {

  @Autowired ApplicationContext context;
  @Autowired TenantService tenants;
  @Autowired GatewayAccounts accounts;
  @Autowired Clock clock;

  long acmeJob;
  Layout layout;

  @BeforeAll
  void aJobOfAcme() {
    long acme = tenants.findByName("Acme").orElseThrow().id();
    long account = TenantContext.callAs(acme, () -> accounts.list()).get(0).id();
    acmeJob = new SendFixtures(context).accepted(acme, account, clock.instant(), 2, 1, 0);
    layout = new Layout((ChromeDriver) driver);
  }

  @Test
  void supportReachesTheTenantsJobsFromItsOwnNavigationReadOnlyUntilTheVisitEnds() {
    layout.width(1400);
    new LoginPage(driver, baseUrl()).open().logInAs("support", DEMO_PASSWORD);
    startViewingAcme();
    assertThat(driver.findElement(By.id("view-as-banner")).getText()).contains("Acme");
    assertThat(driver.findElements(By.id("nav-tenants"))).isEmpty();

    Navigation.clickAndWait(driver, driver.findElement(By.id("nav-jobs")));
    assertThat(driver.getCurrentUrl()).endsWith("/jobs");
    assertThat(driver.findElements(By.cssSelector("#job-table a[href$='/jobs/" + acmeJob + "']")))
        .isNotEmpty();

    Navigation.clickAndWait(driver, driver.findElement(By.id("nav-send")));
    WebElement send = driver.findElement(By.id("send-submit"));
    String reason = driver.findElement(By.tagName("main")).getAttribute("data-read-only");
    assertThat(reason).isNotBlank();
    assertThat(send.isEnabled()).isFalse();
    assertThat(driver.findElement(By.id("send-read-only")).getText()).isEqualTo(reason);

    // Every other form that would change something is disabled by the page's script, reason shown.
    driver.get(baseUrl() + "/optouts/new");
    WebElement add =
        driver.findElement(By.cssSelector("main form[method=post] button[type=submit]"));
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !add.isEnabled());
    assertThat(driver.findElement(By.cssSelector("main form .read-only-reason")).getText())
        .isEqualTo(reason);
    // A form sent past the page's script (an old tab) comes back with the reason and the input.
    driver.findElement(By.id("mobile")).sendKeys("13800138009");
    ((JavascriptExecutor) driver)
        .executeScript("document.querySelector('main form[method=post]').submit()");
    WebElement refused =
        new WebDriverWait(driver, Duration.ofSeconds(15))
            .until(ExpectedConditions.presenceOfElementLocated(By.id("view-as-refused")));
    assertThat(refused.getText()).contains(reason, "13800138009");
    assertThat(driver.findElement(By.id("mobile")).getAttribute("value")).isEqualTo("13800138009");

    Navigation.clickAndWait(driver, driver.findElement(By.id("view-as-end")));
    assertThat(driver.findElements(By.id("view-as-banner"))).isEmpty();
    assertThat(driver.findElements(By.id("nav-tenants"))).isNotEmpty();
    driver.get(baseUrl() + "/send");
    assertThat(driver.findElements(By.id("view-as-banner"))).isEmpty();
  }

  /** The pages of a visit and the audit log keep their short labels whole (pictures kept too). */
  @ParameterizedTest(name = "{0} px")
  @ValueSource(ints = {1400, 420})
  void theVisitsPagesAndTheAuditLogKeepTheirLabelsWhole(int width) throws Exception {
    layout.width(width);
    List<String> problems = new ArrayList<>();
    for (String language : List.of("zh-CN", "en")) {
      new LoginPage(driver, baseUrl()).open().logInAs("admin", DEMO_PASSWORD);
      driver.get(baseUrl() + "/support/tenants?lang=" + language);
      startViewingAcme();
      for (String path : List.of("/", "/send", "/jobs")) {
        driver.get(baseUrl() + path);
        layout.screenshot("viewas-" + width + "-" + language + path.replace('/', '_'));
        problems.addAll(layout.brokenLabels());
      }
      driver.get(baseUrl() + "/optouts/new");
      driver.findElement(By.id("mobile")).sendKeys("13800138009");
      ((JavascriptExecutor) driver)
          .executeScript("document.querySelector('main form[method=post]').submit()");
      new WebDriverWait(driver, Duration.ofSeconds(15))
          .until(ExpectedConditions.presenceOfElementLocated(By.id("view-as-refused")));
      layout.screenshot("viewas-" + width + "-" + language + "_optouts_refused");
      problems.addAll(layout.brokenLabels());
      driver.get(baseUrl() + "/support/tenants");
      layout.screenshot("viewas-" + width + "-" + language + "_support_tenants_left");
      driver.get(baseUrl() + "/admin/audit");
      layout.screenshot("viewas-" + width + "-" + language + "_admin_audit");
      problems.addAll(layout.brokenLabels());
    }
    assertThat(problems).isEmpty();
  }

  private void startViewingAcme() {
    long acme = tenants.findByName("Acme").orElseThrow().id();
    driver.get(baseUrl() + "/support/tenants/" + acme);
    driver.findElement(By.id("tenant-view-as")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(ExpectedConditions.alertIsPresent())
        .accept();
    new WebDriverWait(driver, Duration.ofSeconds(15))
        .until(d -> !d.findElements(By.id("view-as-banner")).isEmpty());
  }
}
