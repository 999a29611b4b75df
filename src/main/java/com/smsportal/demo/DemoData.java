package com.smsportal.demo;

import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.gatewayaccount.GatewayEndpoints;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import com.smsportal.user.Role;
import com.smsportal.user.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The demo's tenants and users (DESIGN.md): Acme and Globex, and the users acme, globex, support
 * and admin. Created once; a restart finds them and adds nothing. All are marked as the demo's.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("smsportal.demo.enabled")
class DemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  /** The demo's endpoint: the simulator in this process. */
  static final String SIMULATOR_ENDPOINT = "聚合云 模拟器（演示）";

  private final TenantService tenants;
  private final UserService users;
  private final GatewayEndpoints endpoints;
  private final GatewayAccounts accounts;
  private final DemoAccounts demo;
  private final DemoAccountSuggestion suggestion;
  private final Environment environment;

  DemoData(
      TenantService tenants,
      UserService users,
      GatewayEndpoints endpoints,
      GatewayAccounts accounts,
      DemoAccounts demo,
      DemoAccountSuggestion suggestion,
      Environment environment) {
    this.tenants = tenants;
    this.users = users;
    this.endpoints = endpoints;
    this.accounts = accounts;
    this.demo = demo;
    this.suggestion = suggestion;
    this.environment = environment;
  }

  @Override
  public void run(ApplicationArguments args) {
    long acme = tenant("Acme");
    long globex = tenant("Globex");
    user("acme", Role.TENANT_ADMIN, acme);
    // Issue 25: one user of each other tenant role, to try what a sender and a viewer may do.
    user("acme-sender", Role.SENDER, acme);
    user("acme-viewer", Role.VIEWER, acme);
    user("globex", Role.TENANT_ADMIN, globex);
    user("support", Role.SUPPORT, null);
    user("admin", Role.ADMIN, null);
    if (!environment.getProperty("smsportal.simulator.enabled", Boolean.class, false)) {
      // Another node of a demo deployment, without a simulator of its own: the node that runs
      // the simulator points the demo's endpoint and accounts at itself.
      log.info(
          "Demo users: acme, globex (tenant admins), acme-sender, acme-viewer, support, admin;"
              + " no simulator on this node");
      return;
    }
    long simulator = endpoints.ensure(SIMULATOR_ENDPOINT, gatewayUrl(), GatewayCharset.UTF8);
    gatewayAccount(acme, "acme", simulator);
    gatewayAccount(globex, "globex", simulator);
    suggestion.simulatorEndpoint(simulator);
    log.info(
        "Demo users: acme, globex (tenant admins), acme-sender, acme-viewer, support, admin;"
            + " support and admin set up two-step"
            + " sign-in at their first login");
  }

  /**
   * The tenant's gateway account on the simulator's endpoint (re-pointed at every start, since the
   * port may change between runs), with the simulator's credentials of the same account name.
   */
  private void gatewayAccount(long tenantId, String account, long endpointId) {
    String base = "smsportal.simulator.accounts[";
    for (int i = 0; environment.containsProperty(base + i + "].account"); i++) {
      if (account.equals(environment.getProperty(base + i + "].account"))) {
        String userid = environment.getProperty(base + i + "].userid");
        String password = environment.getProperty(base + i + "].password");
        TenantContext.runAs(
            tenantId,
            () ->
                accounts.ensure(
                    "聚合云 (模拟器)", endpointId, GatewayCharset.UTF8, userid, account, password));
        return;
      }
    }
  }

  /**
   * The portal's own simulator, unless {@code smsportal.demo.gateway-base-url} names another: a
   * stand-in gateway that outlives the portal, for tests that kill it.
   */
  private String gatewayUrl() {
    String configured = environment.getProperty("smsportal.demo.gateway-base-url", "");
    return configured.isBlank()
        ? "http://localhost:" + environment.getProperty("local.server.port", "8080") + "/simulator"
        : configured;
  }

  private long tenant(String name) {
    return tenants.findByName(name).orElseGet(() -> tenants.create(name)).id();
  }

  /**
   * Creates the user once, and marks it as the demo's (also one seeded before the mark existed), so
   * that a later start without the demo refuses to serve it ({@link DemoDataGuard}).
   */
  private void user(String username, Role role, Long tenantId) {
    boolean created = !users.exists(username);
    if (created) {
      users.create(username, DemoAccounts.PASSWORD, role, tenantId);
    }
    demo.mark(username, created);
  }
}
