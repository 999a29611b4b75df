package com.smsportal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.sending.SendFixtures;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The dashboard's chart in a real browser: Chart.js loads under the CSP and follows the toggle. */
class DashboardBrowserTests extends BrowserTest {

  /** Records every CSP violation and script error from the first byte of each page on. */
  static final String WATCH =
      "window.__problems = [];"
          + "document.addEventListener('securitypolicyviolation', function (e) {"
          + "  window.__problems.push('CSP ' + e.violatedDirective + ' ' + e.blockedURI"
          + "    + ' at ' + e.sourceFile + ':' + e.lineNumber + ':' + e.columnNumber"
          + "    + ' on ' + location.pathname + ' ' + e.sample); });"
          + "window.addEventListener('error', function (e) {"
          + "  window.__problems.push('error ' + (e.message || (e.target && e.target.src))); },"
          + " true);";

  @Autowired ApplicationContext context;
  @Autowired TenantService tenants;
  @Autowired GatewayAccounts accounts;
  @Autowired Clock clock;

  @BeforeAll
  void sendsOfAcme() {
    long acme = tenants.findByName("Acme").orElseThrow().id();
    long account = TenantContext.callAs(acme, () -> accounts.list()).get(0).id();
    SendFixtures fixtures = new SendFixtures(context);
    Instant now = clock.instant();
    fixtures.accepted(acme, account, now, 3, 1, 0);
    fixtures.accepted(acme, account, now.minus(Duration.ofDays(12)), 2, 0, 0);
  }

  @Test
  void theChartIsDrawnWithoutCspErrorsAndTheTogglesSwitchThePeriod() {
    ((ChromeDriver) driver)
        .executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WATCH));
    new LoginPage(driver, baseUrl()).open().logInAs("acme", DEMO_PASSWORD);
    new Pages(driver, baseUrl()).open("/");
    JavascriptExecutor js = (JavascriptExecutor) driver;
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));

    wait.until(d -> chartLabels(js) == 7);
    assertThat(driver.findElement(By.id("sends-chart-7")).getSize().getHeight()).isPositive();
    assertThat(driver.findElement(By.id("sends-days-7")).getAttribute("aria-pressed"))
        .isEqualTo("true");
    // The balances panel came by htmx after the page.
    wait.until(d -> !d.findElements(By.id("balances-refresh")).isEmpty());

    driver.findElement(By.id("sends-days-30")).click();
    wait.until(d -> chartLabels(js) == 30);
    assertThat(driver.findElement(By.id("sends-panel")).getAttribute("data-days")).isEqualTo("30");
    assertThat(driver.findElement(By.id("sends-days-30")).getAttribute("aria-pressed"))
        .isEqualTo("true");

    driver.findElement(By.id("sends-days-7")).click();
    wait.until(d -> chartLabels(js) == 7);

    assertThat(problems(js)).isEmpty();
  }

  /** How many days the chart on the page shows; -1 while there is none. */
  private static long chartLabels(JavascriptExecutor js) {
    Object count =
        js.executeScript(
            "var c = document.querySelector('canvas[data-chart=\"sends\"]');"
                + "var chart = c && window.Chart && window.Chart.getChart(c);"
                + "return chart ? chart.data.labels.length : -1;");
    return ((Number) count).longValue();
  }

  @SuppressWarnings("unchecked")
  private static List<String> problems(JavascriptExecutor js) {
    return (List<String>) js.executeScript("return window.__problems || ['watch not installed'];");
  }
}
