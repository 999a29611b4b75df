package com.smsportal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginBrowserTests extends BrowserTest {

  LoginPage login;

  @BeforeEach
  void freshLoginPage() {
    login = new LoginPage(driver, baseUrl()).open();
  }

  /** What every tenant admin's sidebar holds, in order, whichever tenant. */
  private static final String[] CUSTOMER_NAVIGATION = {
    "nav-dashboard",
    "nav-send",
    "nav-jobs",
    "nav-templates",
    "nav-signatures",
    "nav-contacts",
    "nav-receipts",
    "nav-replies",
    "nav-statements",
    "nav-optouts",
    "nav-accounts",
    "nav-users",
    "nav-apikeys",
    "nav-webhooks"
  };

  @Test
  void aCustomerSeesOnlyTheirTenantsPages() {
    PortalPage page = login.logInAs("acme", DEMO_PASSWORD);
    assertThat(page.username()).isEqualTo("acme");
    assertThat(page.role()).isEqualTo("企业管理员");
    assertThat(page.navigationIds()).containsExactly(CUSTOMER_NAVIGATION);
    assertThat(page.heading()).isEqualTo("概览");
  }

  @Test
  void aSenderSeesWhatASendUsesButNeitherGatewayAccountsNorSettings() {
    PortalPage page = login.logInAs("acme-sender", DEMO_PASSWORD);
    assertThat(page.role()).isEqualTo("发送员");
    assertThat(page.navigationIds())
        .containsExactly(
            "nav-dashboard",
            "nav-send",
            "nav-jobs",
            "nav-templates",
            "nav-signatures",
            "nav-contacts",
            "nav-receipts",
            "nav-replies",
            "nav-statements",
            "nav-optouts");
    page.follow("nav-send");
    assertThat(page.heading()).isEqualTo("发送短信");
  }

  @Test
  void aViewerSeesOnlyWhatItReads() {
    PortalPage page = login.logInAs("acme-viewer", DEMO_PASSWORD);
    assertThat(page.role()).isEqualTo("只读成员");
    assertThat(page.navigationIds())
        .containsExactly(
            "nav-dashboard", "nav-jobs", "nav-receipts", "nav-replies", "nav-statements");
    page.follow("nav-jobs");
    assertThat(page.heading()).isEqualTo("发送任务");
    assertThat(page.open("/settings/users").heading()).isNotEqualTo("成员与角色");
  }

  @Test
  void theOtherCustomerLogsInToTheirOwnTenant() {
    PortalPage page = login.logInAs("globex", DEMO_PASSWORD);
    assertThat(page.username()).isEqualTo("globex");
    assertThat(page.navigationIds()).containsExactly(CUSTOMER_NAVIGATION);
  }

  @Test
  void supportSeesTenantManagementButNotAdministration() {
    PortalPage page = login.logInAs("support", DEMO_PASSWORD);
    assertThat(page.role()).isEqualTo("客服");
    assertThat(page.navigationIds())
        .containsExactly("nav-dashboard", "nav-accounts", "nav-tenants", "nav-staff");
    page.follow("nav-tenants");
    assertThat(page.heading()).isEqualTo("企业管理");
  }

  @Test
  void typingInTheTenantSearchFiltersTheListWithoutReloadingThePage() {
    PortalPage page = login.logInAs("support", DEMO_PASSWORD).open("/support/tenants");
    assertThat(page.tableColumn("tenant-table", 1)).contains("Acme", "Globex");
    page.typeInto("q", "glob");
    page.waitUntil(() -> page.tableColumn("tenant-table", 1).equals(java.util.List.of("Globex")));
    assertThat(page.path()).isEqualTo("/support/tenants?q=glob");
  }

  @Test
  void anAdminSeesEverything() {
    PortalPage page = login.logInAs("admin", DEMO_PASSWORD);
    assertThat(page.role()).isEqualTo("管理员");
    assertThat(page.navigationIds())
        .containsExactly(
            "nav-dashboard",
            "nav-accounts",
            "nav-tenants",
            "nav-staff",
            "nav-logins",
            "nav-audit",
            "nav-endpoints",
            "nav-pollers");
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
    PortalPage page = login.logInAs("acme", DEMO_PASSWORD);
    assertThat(page.heading()).isEqualTo("Dashboard");
    page.switchTo("lang-zh");
    assertThat(page.language()).isEqualTo("zh-CN");
    assertThat(page.heading()).isEqualTo("概览");
    assertThat(page.path()).isEqualTo("/?lang=zh-CN");
  }

  @Test
  void htmxIsServedByThePortalItselfAndAllowedByTheContentSecurityPolicy() {
    PortalPage page = login.logInAs("acme", DEMO_PASSWORD);
    assertThat(page.htmxType()).isEqualTo("object");
  }

  @Test
  void loggingOutReturnsToTheLoginPage() {
    LoginPage after = login.logInAs("support", DEMO_PASSWORD).logOut();
    assertThat(after.heading()).isEqualTo("短信门户");
  }
}
