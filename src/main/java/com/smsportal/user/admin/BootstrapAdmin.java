package com.smsportal.user.admin;

import com.smsportal.user.Role;
import com.smsportal.user.UserService;
import com.smsportal.user.password.PasswordPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A portal without demo data gets its first administrator from configuration
 * (SMSPORTAL_ADMIN_USERNAME, SMSPORTAL_ADMIN_PASSWORD), once: when an ADMIN exists it does nothing.
 */
@Component
@Order(20)
@EnableConfigurationProperties(BootstrapAdminProperties.class)
class BootstrapAdmin implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

  private final UserService users;
  private final String username;
  private final String password;

  BootstrapAdmin(UserService users, BootstrapAdminProperties properties) {
    this.users = users;
    this.username = properties.adminUsername();
    this.password = properties.adminPassword();
  }

  @Override
  public void run(ApplicationArguments args) {
    if (users.anyAdmin()) {
      return;
    }
    if (username.isBlank() || password.isBlank()) {
      log.warn(
          "No administrator exists. Set SMSPORTAL_ADMIN_USERNAME and SMSPORTAL_ADMIN_PASSWORD"
              + " and restart to create the first one.");
      return;
    }
    PasswordPolicy.violation(password, username)
        .ifPresent(
            rule -> {
              throw new IllegalStateException(refusal(rule));
            });
    users.create(username, password, Role.ADMIN, null);
    log.info("Created the first administrator '{}' from configuration", username);
  }

  /** Why the configured password is refused, without repeating it. */
  private static String refusal(String rule) {
    return switch (rule) {
      case "password.error.short" ->
          "SMSPORTAL_ADMIN_PASSWORD must have at least "
              + PasswordPolicy.MIN_LENGTH
              + " characters";
      case "password.error.long" ->
          "SMSPORTAL_ADMIN_PASSWORD must have at most " + PasswordPolicy.MAX_LENGTH + " characters";
      case "password.error.common" ->
          "SMSPORTAL_ADMIN_PASSWORD is one of the most common passwords: choose another";
      case "password.error.username" ->
          "SMSPORTAL_ADMIN_PASSWORD must not contain SMSPORTAL_ADMIN_USERNAME";
      default -> "SMSPORTAL_ADMIN_PASSWORD must not contain the portal's name";
    };
  }
}
