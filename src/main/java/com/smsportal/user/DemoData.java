package com.smsportal.user;

import com.smsportal.tenant.TenantService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
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

  DemoData(TenantService tenants, UserService users) {
    this.tenants = tenants;
    this.users = users;
  }

  @Override
  public void run(ApplicationArguments args) {
    long acme = tenant("Acme");
    long globex = tenant("Globex");
    user("acme", Role.CUSTOMER, acme);
    user("globex", Role.CUSTOMER, globex);
    user("support", Role.SUPPORT, null);
    user("admin", Role.ADMIN, null);
    log.info("Demo users: acme, globex (customers), support, admin");
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
