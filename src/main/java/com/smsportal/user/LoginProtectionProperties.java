package com.smsportal.user;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Brute-force protection ({@code smsportal.security.*}, README "Production configuration").
 *
 * @param maxFailedLogins wrong passwords in a row that soft-lock an account
 * @param lockoutDuration how long the first lock lasts; each further failure doubles it
 * @param maxLockoutDuration the longest lock (and how long wrong codes lock the codes)
 * @param failureWindow a quiet time after which an account's failures are forgotten
 * @param maxFailedCodes wrong second-factor codes after a right password that lock the codes
 * @param maxFailedLoginsPerClient failed logins from one address (any names) that block it
 * @param clientWindow the window those are counted in
 * @param clientBlockDuration how long an address stays blocked
 * @param failureAlarm failed logins on this node within {@code alarmWindow} that raise the alarm
 * @param alarmWindow the window of the alarm
 * @param loginRecordsKept how long login attempts are kept for the administrators
 */
@ConfigurationProperties("smsportal.security")
record LoginProtectionProperties(
    @DefaultValue("5") int maxFailedLogins,
    @DefaultValue("15m") Duration lockoutDuration,
    @DefaultValue("24h") Duration maxLockoutDuration,
    @DefaultValue("24h") Duration failureWindow,
    @DefaultValue("10") int maxFailedCodes,
    @DefaultValue("20") int maxFailedLoginsPerClient,
    @DefaultValue("15m") Duration clientWindow,
    @DefaultValue("15m") Duration clientBlockDuration,
    @DefaultValue("100") int failureAlarm,
    @DefaultValue("15m") Duration alarmWindow,
    @DefaultValue("90d") Duration loginRecordsKept) {

  LoginProtectionProperties {
    if (maxFailedLogins < 1) {
      throw new IllegalArgumentException("smsportal.security.max-failed-logins must be at least 1");
    }
    if (maxFailedCodes < 1 || maxFailedLoginsPerClient < 1 || failureAlarm < 1) {
      throw new IllegalArgumentException(
          "smsportal.security.max-failed-codes, max-failed-logins-per-client and failure-alarm"
              + " must be at least 1");
    }
    requirePositive(lockoutDuration, "lockout-duration");
    requirePositive(maxLockoutDuration, "max-lockout-duration");
    requirePositive(failureWindow, "failure-window");
    requirePositive(clientWindow, "client-window");
    requirePositive(clientBlockDuration, "client-block-duration");
    requirePositive(alarmWindow, "alarm-window");
    requirePositive(loginRecordsKept, "login-records-kept");
  }

  private static void requirePositive(Duration duration, String name) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("smsportal.security." + name + " must be positive");
    }
  }
}
