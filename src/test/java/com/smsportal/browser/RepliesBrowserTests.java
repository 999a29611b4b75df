package com.smsportal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.PolledRows;
import com.smsportal.tenant.TenantService;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class RepliesBrowserTests extends BrowserTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired TenantService tenants;

  @Test
  void aReplyWithMarkupIsShownAsTextAndRunsNothing() {
    String markup = "<script>window.__xss=1</script><b>hi</b>";
    String mobile = PolledRows.randomMobile();
    long acme = tenants.findByName("Acme").orElseThrow().id();
    new PolledRows(jdbc)
        .reply(new PolledRows.Reply(acme, mobile, markup, Instant.now(), "", null, false));

    new LoginPage(driver, baseUrl()).open().logInAs("acme", DEMO_PASSWORD);
    Pages pages = new Pages(driver, baseUrl()).open("/replies");
    pages.fill("mobile", mobile).press("replies-submit");

    assertThat(pages.path()).startsWith("/replies?mobile=" + mobile);
    List<WebElement> cells = driver.findElements(By.cssSelector("#replies-table .reply-content"));
    assertThat(cells).singleElement().extracting(WebElement::getText).isEqualTo(markup);
    assertThat(driver.findElements(By.cssSelector("#replies-table b"))).isEmpty();
    assertThat(driver.findElements(By.cssSelector("#replies-table script"))).isEmpty();
    assertThat(((JavascriptExecutor) driver).executeScript("return window.__xss")).isNull();
  }
}
