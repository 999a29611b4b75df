package com.smsportal.user;

import com.smsportal.gateway.GatewayCharset;
import com.smsportal.tenant.GatewayAccounts;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
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
 * and admin. Created once; a restart finds them and adds nothing.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("smsportal.demo.enabled")
class DemoData implements ApplicationRunner {

  static final String PASSWORD = "demo12345";
  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final TenantService tenants;
  private final UserService users;
  private final GatewayAccounts accounts;
  private final Environment environment;

  DemoData(
      TenantService tenants, UserService users, GatewayAccounts accounts, Environment environment) {
    this.tenants = tenants;
    this.users = users;
    this.accounts = accounts;
    this.environment = environment;
  }

  @Override
  public void run(ApplicationArguments args) {
    long acme = tenant("Acme");
    long globex = tenant("Globex");
    user("acme", Role.CUSTOMER, acme);
    user("globex", Role.CUSTOMER, globex);
    user("support", Role.SUPPORT, null);
    user("admin", Role.ADMIN, null);
    gatewayAccount(acme, "acme");
    gatewayAccount(globex, "globex");
    log.info("Demo users: acme, globex (customers), support, admin");
  }

  /**
   * The tenant's gateway account on the simulator, with the simulator's credentials of the same
   * account name. Re-pointed at every start, since the port may change between runs. {@code
   * smsportal.demo.gateway-base-url} points it elsewhere instead: at a stand-in gateway that
   * outlives the portal, for tests that kill it.
   */
  private void gatewayAccount(long tenantId, String account) {
    String base = "smsportal.simulator.accounts[";
    for (int i = 0; environment.containsProperty(base + i + "].account"); i++) {
      if (account.equals(environment.getProperty(base + i + "].account"))) {
        String userid = environment.getProperty(base + i + "].userid");
        String password = environment.getProperty(base + i + "].password");
        String url = gatewayUrl();
        TenantContext.runAs(
            tenantId,
            () ->
                accounts.ensure("聚合云 (模拟器)", url, GatewayCharset.UTF8, userid, account, password));
        return;
      }
    }
  }

  /** The portal's own simulator, unless {@code smsportal.demo.gateway-base-url} names another. */
  private String gatewayUrl() {
    String configured = environment.getProperty("smsportal.demo.gateway-base-url", "");
    return configured.isBlank()
        ? "http://localhost:" + environment.getProperty("local.server.port", "8080") + "/simulator"
        : configured;
  }

  private long tenant(String name) {
    return tenants.findByName(name).orElseGet(() -> tenants.create(name)).id();
  }

  private void user(String username, Role role, Long tenantId) {
    if (!users.exists(username)) {
      users.create(username, PASSWORD, role, tenantId);
    }
  }
}
