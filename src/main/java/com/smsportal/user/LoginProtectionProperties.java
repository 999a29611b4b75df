package com.smsportal.user;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Brute-force protection: how many failed logins lock a user name, and for how long. */
@ConfigurationProperties("smsportal.security")
record LoginProtectionProperties(int maxFailedLogins, Duration lockoutDuration) {

  LoginProtectionProperties {
    if (maxFailedLogins < 1) {
      throw new IllegalArgumentException("smsportal.security.max-failed-logins must be at least 1");
    }
    if (lockoutDuration == null || lockoutDuration.isNegative() || lockoutDuration.isZero()) {
      throw new IllegalArgumentException("smsportal.security.lockout-duration must be positive");
    }
  }
}
