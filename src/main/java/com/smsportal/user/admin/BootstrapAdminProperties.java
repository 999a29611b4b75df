package com.smsportal.user.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first administrator of a portal without one ({@code smsportal.bootstrap.*}: {@code
 * SMSPORTAL_ADMIN_USERNAME}, {@code SMSPORTAL_ADMIN_PASSWORD}).
 *
 * @param adminUsername the administrator's user name; blank: none is created
 * @param adminPassword their first password, which the password policy must accept; never shown
 */
@ConfigurationProperties("smsportal.bootstrap")
record BootstrapAdminProperties(
    @DefaultValue("") String adminUsername, @DefaultValue("") String adminPassword) {

  BootstrapAdminProperties {
    adminUsername = adminUsername == null ? "" : adminUsername;
    adminPassword = adminPassword == null ? "" : adminPassword;
  }

  /** Without the password: this record may be logged or shown by the actuator. */
  @Override
  public String toString() {
    return "BootstrapAdminProperties[adminUsername="
        + adminUsername
        + ", adminPassword="
        + (adminPassword.isEmpty() ? "" : "****")
        + "]";
  }
}
