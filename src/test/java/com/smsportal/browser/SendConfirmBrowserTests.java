package com.smsportal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.sending.NumberView;
import com.smsportal.sending.SendJobs;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 23: a send shows what it will send and waits for the confirm, for a pasted list and for an
 * uploaded workbook alike; the job holds exactly the numbers the confirmation counted.
 */
class SendConfirmBrowserTests extends BrowserTest {

  @Autowired SendJobs jobs;
  @Autowired TenantService tenants;

  @TempDir Path dir;

  @Test
  void aPastedListIsSentOnlyAfterItsSummaryIsConfirmed() {
    Pages pages = compose();
    driver
        .findElement(By.id("mobiles"))
        .sendKeys("13800138010\n+86 139 0013 9010\n13800138010\nabc\n13700137010");
    driver.findElement(By.id("content")).sendKeys("【聚合云】您的订单已发货。");
    new WebDriverWait(driver, Duration.ofSeconds(15))
        .ignoring(StaleElementReferenceException.class)
        .until(d -> d.findElement(By.id("check-valid")).getText().equals("3"));
    assertThat(driver.findElement(By.id("check-file-note")).isDisplayed())
        .as("no file chosen: the check does not talk of one")
        .isFalse();
    long before = jobCount();

    pages.press("send-submit");

    assertThat(pages.path()).isEqualTo("/send");
    assertThat(pages.text("confirm-recipients")).isEqualTo("3");
    assertThat(pages.text("confirm-duplicates")).isEqualTo("1");
    assertThat(pages.text("confirm-invalid")).isEqualTo("1");
    assertThat(pages.text("confirm-billed")).isEqualTo("3");
    assertThat(pages.text("confirm-signature")).isEqualTo("【聚合云】");
    assertThat(jobCount()).as("nothing stored before the confirm").isEqualTo(before);

    pages.press("confirm-send");

    assertThat(pages.path()).startsWith("/jobs/");
    assertThat(numbers(jobOf(pages))).containsExactly("13800138010", "13900139010", "13700137010");
  }

  @Test
  void anUploadedWorkbookIsReadOnceAndTheJobHoldsTheNumbersTheSummaryCounted() throws Exception {
    Path xlsx = dir.resolve("numbers.xlsx");
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(xlsx)) {
      Sheet sheet = workbook.createSheet("numbers");
      sheet.createRow(0).createCell(0).setCellValue("手机号");
      for (int i = 0; i < 12; i++) {
        sheet.createRow(i + 1).createCell(0).setCellValue(13600136020d + i % 10);
      }
      workbook.write(out);
    }
    Pages pages = compose();
    driver.findElement(By.id("file")).sendKeys(xlsx.toString());
    driver.findElement(By.id("content")).sendKeys("【聚合云】表格里的号码");
    new WebDriverWait(driver, Duration.ofSeconds(15))
        .withMessage("the check says the file is counted on the next step")
        .ignoring(StaleElementReferenceException.class)
        .until(d -> d.findElement(By.id("check-file-note")).isDisplayed());
    long before = jobCount();

    pages.press("send-submit");

    String shown = pages.text("confirm-recipients");
    assertThat(shown).isEqualTo("10");
    assertThat(pages.text("confirm-duplicates")).isEqualTo("2");
    assertThat(pages.text("confirm-invalid")).as("the heading cell").isEqualTo("1");
    assertThat(driver.findElement(By.id("confirm-file")).getText()).contains("numbers.xlsx");
    assertThat(jobCount()).as("nothing stored before the confirm").isEqualTo(before);

    pages.press("confirm-send");

    List<String> stored = numbers(jobOf(pages));
    assertThat(stored).hasSize(Integer.parseInt(shown));
    assertThat(stored).first().isEqualTo("13600136020");
  }

  private Pages compose() {
    new LoginPage(driver, baseUrl()).open().logInAs("acme", DEMO_PASSWORD);
    Pages pages = new Pages(driver, baseUrl()).open("/send");
    new Select(driver.findElement(By.id("accountId"))).selectByVisibleText("聚合云 (模拟器)");
    return pages;
  }

  private long jobOf(Pages pages) {
    assertThat(pages.path()).startsWith("/jobs/");
    return Long.parseLong(pages.path().replaceAll("/jobs/(\\d+).*", "$1"));
  }

  private long acme() {
    return tenants.findByName("Acme").orElseThrow().id();
  }

  private long jobCount() {
    return TenantContext.callAs(acme(), () -> jobs.count());
  }

  private List<String> numbers(long job) {
    return TenantContext.callAs(acme(), () -> jobs.numbers(job, null, null, 0, 100)).stream()
        .map(NumberView::mobile)
        .toList();
  }
}
