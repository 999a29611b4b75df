package com.smsportal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.SimulatorControl;
import com.smsportal.TestEndpoints;
import com.smsportal.gatewayaccount.GatewayEndpoints;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A new enterprise from start to first balance: support creates the tenant and its user, the user
 * logs in with the one-time password, chooses their own, adds a gateway account on the simulator,
 * tests the connection and sees the balance.
 */
class OnboardingBrowserTests extends BrowserTest {

  @Autowired GatewayEndpoints endpoints;

  @Test
  void supportOnboardsAnEnterpriseThatThenSeesItsGatewayBalance() throws Exception {
    String base = baseUrl();
    // The enterprise's account at the gateway, and the gateway endpoint an administrator set up.
    SimulatorControl.OpenedAccount gateway = new SimulatorControl(port).open("initech", 10_000);
    long endpoint = TestEndpoints.of(endpoints, TestEndpoints.simulator(port));
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String tenant = "Initech-" + suffix;
    String username = "peter" + suffix;

    new LoginPage(driver, base).open().logInAs("support", DEMO_PASSWORD);
    Pages pages = new Pages(driver, base);
    pages.open("/support/tenants").press("tenant-new");
    pages.fill("name", tenant).fill("contact", "Peter, 138 0000 0000").press("tenant-save");
    assertThat(pages.text("tenant-name")).isEqualTo(tenant);

    pages.press("tenant-users").fill("username", username).fill("displayName", "Peter");
    pages.press("user-create");
    String temporary = pages.text("issued-value");
    assertThat(temporary).hasSize(14);
    pages.press("logout");

    new LoginPage(driver, base).open().submit(username, temporary);
    assertThat(pages.path()).isEqualTo("/account/password");
    pages
        .fill("current", temporary)
        .fill("password", "Stapler-Red-1999")
        .fill("repeat", "Stapler-Red-1999");
    pages.press("password-save");
    assertThat(pages.text("password-changed")).isNotBlank();

    pages.open("/accounts").press("account-new-first");
    pages
        .fill("name", "聚合云 主账户")
        .choose("endpointId", String.valueOf(endpoint))
        .fill("userid", gateway.userid())
        .fill("account", gateway.account())
        .fill("password", gateway.password())
        .fill("passwordConfirmation", gateway.password())
        .press("account-submit");
    assertThat(pages.heading()).isEqualTo("聚合云 主账户");

    pages.pressAndWaitFor("test-connection", "connection-balance");
    assertThat(pages.text("connection-balance")).matches("[0-9,]+");
    assertThat(pages.text("connection-paymode")).isEqualTo("预付费");
  }
}
