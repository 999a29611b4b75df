package com.smsportal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginBrowserTests {

  static final String PASSWORD = "demo12345";

  @LocalServerPort int port;

  WebDriver driver;
  LoginPage login;

  @BeforeAll
  void startBrowser() throws Exception {
    driver = Chromium.start();
  }

  @AfterAll
  void stopBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  /** What the browser showed at the end of each test, kept for whoever reads a failure. */
  @AfterEach
  void screenshot(TestInfo test) throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "screenshots"));
    byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    Files.write(dir.resolve(test.getTestMethod().orElseThrow().getName() + ".png"), png);
  }

  @BeforeEach
  void freshLoginPage() {
    login = new LoginPage(driver, "http://localhost:" + port).open();
  }

  @Test
  void aCustomerSeesOnlyTheirTenantsPages() {
    PortalPage page = login.logInAs("acme", PASSWORD);
    assertThat(page.username()).isEqualTo("acme");
    assertThat(page.role()).isEqualTo("企业用户");
    assertThat(page.navigationIds()).containsExactly("nav-dashboard", "nav-accounts");
    assertThat(page.heading()).isEqualTo("概览");
  }

  @Test
  void theOtherCustomerLogsInToTheirOwnTenant() {
    PortalPage page = login.logInAs("globex", PASSWORD);
    assertThat(page.username()).isEqualTo("globex");
    assertThat(page.navigationIds()).containsExactly("nav-dashboard", "nav-accounts");
  }

  @Test
  void supportSeesTenantManagementButNotAdministration() {
    PortalPage page = login.logInAs("support", PASSWORD);
    assertThat(page.role()).isEqualTo("客服");
    assertThat(page.navigationIds())
        .containsExactly("nav-dashboard", "nav-accounts", "nav-tenants", "nav-staff");
    page.follow("nav-tenants");
    assertThat(page.heading()).isEqualTo("企业管理");
  }

  @Test
  void typingInTheTenantSearchFiltersTheListWithoutReloadingThePage() {
    PortalPage page = login.logInAs("support", PASSWORD).open("/support/tenants");
    assertThat(page.tableColumn("tenant-table", 1)).contains("Acme", "Globex");
    page.typeInto("q", "glob");
    page.waitUntil(() -> page.tableColumn("tenant-table", 1).equals(java.util.List.of("Globex")));
    assertThat(page.path()).isEqualTo("/support/tenants?q=glob");
  }

  @Test
  void anAdminSeesEverything() {
    PortalPage page = login.logInAs("admin", PASSWORD);
    assertThat(page.role()).isEqualTo("管理员");
    assertThat(page.navigationIds())
        .containsExactly(
            "nav-dashboard", "nav-accounts", "nav-tenants", "nav-staff", "nav-logins", "nav-audit");
    page.follow("nav-logins");
    assertThat(page.heading()).isEqualTo("登录记录");
  }

  @Test
  void aWrongPasswordIsReportedWithoutSayingWhetherTheUserExists() {
    String known = login.submit("globex", "wrong-password").error();
    String unknown = login.open().submit("nobody-here", "wrong-password").error();
    assertThat(known).isEqualTo("用户名或密码错误。").isEqualTo(unknown);
  }

  @Test
  void theLanguageSwitchChangesTheLoginPageAndThePortal() {
    assertThat(login.language()).isEqualTo("zh-CN");
    login.switchTo("lang-en");
    assertThat(login.language()).isEqualTo("en");
    PortalPage page = login.logInAs("acme", PASSWORD);
    assertThat(page.heading()).isEqualTo("Dashboard");
    page.switchTo("lang-zh");
    assertThat(page.language()).isEqualTo("zh-CN");
    assertThat(page.heading()).isEqualTo("概览");
    assertThat(page.path()).isEqualTo("/?lang=zh-CN");
  }

  @Test
  void htmxIsServedByThePortalItselfAndAllowedByTheContentSecurityPolicy() {
    PortalPage page = login.logInAs("acme", PASSWORD);
    assertThat(page.htmxType()).isEqualTo("object");
  }

  @Test
  void loggingOutReturnsToTheLoginPage() {
    LoginPage after = login.logInAs("support", PASSWORD).logOut();
    assertThat(after.heading()).isEqualTo("短信门户");
  }
}
