package com.smsportal.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * A portal started without the demo on a database that still holds the demo's users would serve
 * {@code admin}/{@code demo12345} to whoever asks (and, since an administrator exists, create no
 * other). It refuses to start, naming the switch that removes them: {@code
 * --smsportal.remove-demo-data} deletes the demo's users and the demo tenants with all their data,
 * says in the log what it deleted, and the start goes on. Runs before the web server opens.
 */
@Component
@ConditionalOnBooleanProperty(
    name = "smsportal.demo.enabled",
    havingValue = false,
    matchIfMissing = true)
class DemoDataGuard implements SmartInitializingSingleton {

  static final String REMOVE_OPTION = "smsportal.remove-demo-data";
  private static final Logger log = LoggerFactory.getLogger(DemoDataGuard.class);

  private final DemoAccounts demo;
  private final Environment environment;

  DemoDataGuard(DemoAccounts demo, Environment environment) {
    this.demo = demo;
    this.environment = environment;
  }

  @Override
  public void afterSingletonsInstantiated() {
    DemoAccounts.Found found = demo.find();
    if (found.empty()) {
      return;
    }
    if (!removalAsked()) {
      throw new IllegalStateException(
          "This database holds the demo's users "
              + found.usernames()
              + " (password published in the README), but the portal was started without the"
              + " demo. Start it once with --"
              + REMOVE_OPTION
              + " to delete them and the demo tenants' data (tenant ids "
              + found.tenantIds()
              + "), or start the demo again.");
    }
    DemoAccounts.Found removed = demo.remove();
    log.warn(
        "--{}: removed the demo's users {} and the demo tenants {} with all their data (the"
            + " audit log keeps its entries)",
        REMOVE_OPTION,
        removed.usernames(),
        removed.tenantIds());
  }

  private boolean removalAsked() {
    String value = environment.getProperty(REMOVE_OPTION);
    return value != null && !"false".equalsIgnoreCase(value.strip());
  }
}
