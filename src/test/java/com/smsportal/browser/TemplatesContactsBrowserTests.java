package com.smsportal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.SimulatorControl;
import com.smsportal.TestEndpoints;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayAccountView;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.gatewayaccount.GatewayEndpoints;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import com.smsportal.user.Role;
import com.smsportal.user.UserService;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 24 end to end, as its users work it: a customer applies for a signature, support approves
 * it, the customer writes a template with placeholders, imports contacts into a group and sends the
 * template to the group; every member gets a text of their own. A tenant of its own: an approved
 * signature would change the sends of every other test on the shared database.
 */
class TemplatesContactsBrowserTests extends BrowserTest {

  private static final String PASSWORD = "an-e2e-password";
  private static final List<String[]> MEMBERS =
      List.of(
          new String[] {"13800138061", "张三", "金卡"},
          new String[] {"13800138062", "李四", "银卡"},
          new String[] {"13800138063", "王五", "铜卡"});

  @Autowired TenantService tenants;
  @Autowired UserService users;
  @Autowired GatewayAccounts accounts;
  @Autowired GatewayEndpoints endpoints;

  @TempDir Path dir;

  long tenantId;
  String customer;
  String accountName;
  Pages pages;
  Screens screens;

  @BeforeAll
  void aFreshTenantWithASimulatorAccount() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    tenantId = tenants.create("E2E " + suffix).id();
    customer = "e2e-" + suffix;
    users.create(customer, PASSWORD, Role.TENANT_ADMIN, tenantId);
    SimulatorControl.OpenedAccount gateway = new SimulatorControl(port).open("e2e", 1_000_000);
    accountName = "e2e-sim";
    long accountId =
        TenantContext.callAs(
            tenantId,
            () ->
                accounts.ensure(
                    accountName,
                    TestEndpoints.of(endpoints, TestEndpoints.simulator(port)),
                    GatewayCharset.UTF8,
                    gateway.userid(),
                    gateway.account(),
                    gateway.password()));
    GatewayAccountView account =
        TenantContext.callAs(tenantId, () -> accounts.find(accountId)).orElseThrow();
    assertThat(account.usable()).as("a verified, active account sends").isTrue();
    pages = new Pages(driver, baseUrl());
    screens = new Screens((ChromeDriver) driver, System.getProperty("it.shots"));
  }

  @Test
  void anApprovedTemplateSentToAnImportedGroupGivesEachMemberTheirOwnText() throws Exception {
    String signature = "【E2E商城" + tenantId % 1000 + "】";

    // The customer applies for a signature.
    signInAs(customer, PASSWORD);
    pages.open("/signatures").fill("text", signature).press("signature-submit");
    assertThat(pages.text("signature-applied")).contains(signature);
    assertThat(stateOf(signature)).isNotEqualTo(approvedLabel());

    // Support approves it from the tenant's page.
    signInAs("support", DEMO_PASSWORD);
    pages.open("/support/tenants/" + tenantId).press("tenant-reviews");
    WebElement card =
        driver.findElement(
            By.xpath(
                "//div[starts-with(@id,'review-signature-')][.//strong[text()='"
                    + signature
                    + "']]"));
    String signatureId = card.getAttribute("id").substring("review-signature-".length());
    pages.press("approve-s" + signatureId);
    assertThat(pages.text("reviewed")).isNotBlank();
    assertThat(pages.text("review-signature-state-" + signatureId)).isEqualTo(approvedLabel());

    // The customer sees it approved and writes a template with it (no review: approved at once).
    signInAs(customer, PASSWORD);
    pages.open("/signatures");
    assertThat(stateOf(signature)).isEqualTo(approvedLabel());
    pages
        .open("/templates/new")
        .fill("name", "会员等级通知")
        .choose("signature", signature)
        .fill("content", "${name}您好，您的会员等级是${level}。")
        .press("template-save");
    assertThat(pages.text("template-state")).isEqualTo(approvedLabel());

    // The customer imports three contacts into a new group.
    pages.open("/contacts/import");
    driver.findElement(By.id("import-file")).sendKeys(workbook().toString());
    pages.press("import-upload");
    assertThat(pages.path()).startsWith("/contacts/import/");
    pages
        .choose("column0", "mobile")
        .choose("column1", "name")
        .choose("column2", "field")
        .fill("new-group", "E2E会员")
        .press("import-run");
    assertThat(pages.text("import-counts")).contains("3");
    assertThat(pages.text("import-groups")).contains("E2E会员");

    // The customer sends the template to the group.
    pages.open("/send");
    new Select(driver.findElement(By.id("accountId"))).selectByVisibleText(accountLabel());
    new Select(driver.findElement(By.id("templateId"))).selectByVisibleText("会员等级通知");
    assertThat(driver.findElement(By.id("content")).getAttribute("readonly")).isNotNull();
    assertThat(driver.findElement(By.id("content")).getAttribute("value"))
        .isEqualTo(signature + "${name}您好，您的会员等级是${level}。");
    driver
        .findElement(By.xpath("//fieldset[@id='group-choice']//label[contains(.,'E2E会员')]//input"))
        .click();
    waitFor("the live check counts the group's members", "check-personal-recipients", "3");
    waitFor("each member gets a text of their own", "check-personal-texts", "3");
    screens.take("send");

    pages.press("send-submit");
    assertThat(pages.text("confirm-recipients")).isEqualTo("3");
    assertThat(pages.text("confirm-texts")).isEqualTo("3");
    assertThat(pages.text("confirm-groups"))
        .as("the confirmation names the group")
        .contains("E2E会员");
    assertThat(pages.text("confirm-calls")).isNotBlank();
    assertThat(texts(".confirm-sample .sample-text"))
        .isNotEmpty()
        .allSatisfy(text -> assertThat(text).startsWith(signature).doesNotContain("${"));
    screens.take("confirm");

    pages.press("confirm-send");
    assertThat(pages.path()).matches("/jobs/\\d+.*");
    assertThat(pages.text("job-personalised")).isNotBlank();
    assertThat(texts("#number-table .number-text"))
        .containsExactlyInAnyOrder(
            signature + "张三您好，您的会员等级是金卡。",
            signature + "李四您好，您的会员等级是银卡。",
            signature + "王五您好，您的会员等级是铜卡。");
    screens.take("job");
  }

  private void signInAs(String username, String password) {
    new LoginPage(driver, baseUrl()).open().logInAs(username, password);
    assertThat(driver.getCurrentUrl()).doesNotContain("/login");
    String language = System.getProperty("it.shots.lang");
    if (language != null) {
      pages.open("/?lang=" + language);
    }
  }

  /** The review state shown beside this signature on the customer's list. */
  private String stateOf(String signature) {
    return driver
        .findElement(
            By.xpath("//table[@id='signature-table']//tr[td[1][text()='" + signature + "']]//span"))
        .getText();
  }

  private String approvedLabel() {
    return "en".equals(driver.findElement(By.tagName("html")).getAttribute("lang").substring(0, 2))
        ? "Approved"
        : "已通过";
  }

  private String accountLabel() {
    return new Select(driver.findElement(By.id("accountId")))
        .getOptions().stream()
            .map(WebElement::getText)
            .filter(label -> label.startsWith(accountName))
            .findFirst()
            .orElseThrow();
  }

  private void waitFor(String what, String id, String expected) {
    new WebDriverWait(driver, Duration.ofSeconds(15))
        .withMessage(what)
        .ignoring(StaleElementReferenceException.class)
        .until(d -> d.findElement(By.id(id)).getText().equals(expected));
  }

  private List<String> texts(String css) {
    return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
  }

  /** The contacts' workbook as a spreadsheet program writes it: a header, then one row each. */
  private Path workbook() throws Exception {
    Path xlsx = dir.resolve("会员.xlsx");
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(xlsx)) {
      Sheet sheet = workbook.createSheet("会员");
      Row header = sheet.createRow(0);
      header.createCell(0).setCellValue("手机号");
      header.createCell(1).setCellValue("姓名");
      header.createCell(2).setCellValue("level");
      for (int i = 0; i < MEMBERS.size(); i++) {
        Row row = sheet.createRow(i + 1);
        for (int c = 0; c < 3; c++) {
          row.createCell(c).setCellValue(MEMBERS.get(i)[c]);
        }
      }
      workbook.write(out);
    }
    return xlsx;
  }
}
