package com.smsportal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.polling.PollNow;
import com.smsportal.sending.ChunkState;
import com.smsportal.sending.SendFixtures;
import com.smsportal.sending.SendJobs;
import com.smsportal.sending.SendOrder;
import com.smsportal.sending.SubmitResult;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A job's page as its sender watches it, never reloaded: it says the job is scheduled while its
 * time has not come, that everything went to the gateway and receipts are awaited once the worker
 * submitted it, and what was delivered and what failed once the reports are in; its progress, its
 * actions and its tables change together by the page's own refresh.
 */
class JobPageBrowserTests extends BrowserTest {

  @Autowired SendJobs jobs;
  @Autowired GatewayAccounts accounts;
  @Autowired TenantService tenants;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext context;

  @Test
  void aScheduledJobsPageFollowsItToItsReceiptsWithoutAReload() {
    long acme = tenants.findByName("Acme").orElseThrow().id();
    long account = simulatorAccount(acme);
    String prefix = "137" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    // The simulator fails a number that ends in 4 and delivers the others.
    List<String> mobiles = List.of(prefix + "01", prefix + "02", prefix + "04");
    long job = scheduled(acme, account, mobiles, Instant.now().plus(Duration.ofMinutes(30)));

    new LoginPage(driver, baseUrl()).open().logInAs("acme", DEMO_PASSWORD);
    Pages pages = new Pages(driver, baseUrl()).open("/jobs/" + job);
    ((JavascriptExecutor) driver).executeScript("window.__samePage = true");

    assertThat(pages.text("job-state")).isEqualTo("已定时");
    assertThat(pages.text("job-phase-detail")).contains("将于").contains("开始发送");
    assertThat(pages.text("job-billing")).isEqualTo("3 个号码 × 每个号码 1 条 = 计费 3 条");
    assertThat(driver.findElements(By.id("job-cancel"))).hasSize(1);
    assertThat(cells("#chunk-table tbody tr td:nth-child(3)")).containsExactly("等待发送时间");
    assertThat(cells("#number-table tbody tr td:nth-child(2)"))
        .containsExactly("等待发送时间", "等待发送时间", "等待发送时间");

    // Its time comes: the worker submits it, and the page follows by itself.
    Instant now = Instant.now().minusSeconds(1);
    jdbc.update("update send_job set send_time = ? where id = ?", now, job);
    jdbc.update("update send_chunk set due_at = ? where job_id = ?", now, job);
    awaitState("等待回执");
    assertThat(pages.text("job-phase-detail")).contains("已收到 0 / 3 个号码的回执");
    assertThat(driver.findElements(By.id("job-cancel"))).isEmpty();
    assertThat(cells("#chunk-table tbody tr td:nth-child(3)")).containsExactly("已提交");
    assertThat(cells("#number-table tbody tr td:nth-child(2)"))
        .containsExactly("已提交", "已提交", "已提交");
    assertThat(pages.text("job-awaiting")).isEqualTo("等待回执 3");

    assertThat(PollNow.reports(context, account)).isGreaterThanOrEqualTo(3);
    awaitState("已结束");
    assertThat(pages.text("job-delivered")).isEqualTo("已送达 2");
    assertThat(pages.text("job-failed")).isEqualTo("失败 1");
    assertThat(pages.text("job-unknown")).isEqualTo("结果不明 0");
    assertThat(cells("#number-table tbody tr td:nth-child(2)")).containsExactly("已送达", "已送达", "失败");
    assertThat(cells("#number-table tbody tr td:nth-child(3)"))
        .containsExactly("DELIVRD · 已送达手机", "DELIVRD · 已送达手机", "UNDELIV · 无法送达（如空号、停机或长时间关机）");
    assertThat(driver.findElement(By.id("job-live")).getAttribute("hx-trigger"))
        .as("the refresh stops once every number has its outcome")
        .isNull();
    assertThat(((JavascriptExecutor) driver).executeScript("return window.__samePage"))
        .as("the page was never reloaded")
        .isEqualTo(true);
  }

  /**
   * A job of more chunks than a page lists (issue 27) shows them counted, the refused and unknown
   * ones first, and all of them a page at a time: the next page opens from its link.
   */
  @Test
  void aJobOfManyChunksListsTheProblemsFirstAndTheRestAPageAtATime() throws Exception {
    long acme = tenants.findByName("Acme").orElseThrow().id();
    long account = simulatorAccount(acme);
    List<ChunkState> states = new java.util.ArrayList<>();
    for (int i = 0; i < 55; i++) {
      states.add(ChunkState.SUBMITTED);
    }
    states.addAll(List.of(ChunkState.UNKNOWN, ChunkState.UNKNOWN, ChunkState.REJECTED));
    SendFixtures fixtures = new SendFixtures(context);
    Instant answered = Instant.now().minusSeconds(60);
    long big = fixtures.chunked(acme, account, answered, states);
    long small = fixtures.accepted(acme, account, answered, 2, 1, 0);

    new LoginPage(driver, baseUrl()).open().logInAs("acme", DEMO_PASSWORD);
    Pages pages = new Pages(driver, baseUrl());
    Screens screens = new Screens((ChromeDriver) driver, System.getProperty("it.shots"));
    if (System.getProperty("it.shots") != null) {
      for (String language : List.of("en", "zh-CN")) {
        pages.open("/jobs/" + small + "?lang=" + language);
        screens.take("job-small");
        pages.open("/jobs/" + big + "?lang=" + language);
        screens.take("job-big");
      }
    }
    pages.open("/jobs/" + big + "?lang=zh-CN");
    assertThat(pages.text("chunk-summary")).contains("共 58 个批次").contains("已提交 55");
    assertThat(cells("#chunk-problems tbody tr td:nth-child(3)"))
        .containsExactly("结果不明", "结果不明", "被拒绝");
    assertThat(cells("#chunk-table tbody tr td:nth-child(1)")).hasSize(50).startsWith("1");
    driver.findElement(By.id("chunks-next")).click();
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .ignoring(StaleElementReferenceException.class)
        .until(d -> cells("#chunk-table tbody tr td:nth-child(1)").contains("58"));
    assertThat(cells("#chunk-table tbody tr td:nth-child(1)"))
        .containsExactly("51", "52", "53", "54", "55", "56", "57", "58");
  }

  private void awaitState(String state) {
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .ignoring(StaleElementReferenceException.class)
        .until(textOf("job-state", state));
  }

  private static Function<WebDriver, Boolean> textOf(String id, String text) {
    return d -> text.equals(d.findElement(By.id(id)).getText());
  }

  /** The texts of these cells, read again if the page's refresh replaced them meanwhile. */
  private List<String> cells(String css) {
    for (int attempt = 1; ; attempt++) {
      try {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
      } catch (StaleElementReferenceException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  private long simulatorAccount(long tenant) {
    Map<Long, String> names = TenantContext.callAs(tenant, () -> accounts.names());
    return names.entrySet().stream()
        .filter(e -> e.getValue().equals("聚合云 (模拟器)"))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow();
  }

  private long scheduled(long tenant, long account, List<String> mobiles, Instant at) {
    SubmitResult result =
        TenantContext.callAs(
            tenant,
            () ->
                jobs.submit(
                    SendOrder.of(
                        account, mobiles, "【聚合云】您的订单已发货。", at, "", UUID.randomUUID().toString())));
    assertThat(result.refusal()).isNull();
    return result.jobId();
  }
}
