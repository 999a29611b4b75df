package com.smsportal.user.throttle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Brute-force protection ({@code smsportal.security.*}, README "Production configuration").
 *
 * @param maxFailedLogins wrong passwords in a row for one user name from one address that lock that
 *     name on that address (and only there)
 * @param lockoutDuration how long the first lock lasts; each further failure doubles it
 * @param maxLockoutDuration the longest lock (and how long wrong codes lock the codes)
 * @param failureWindow a quiet time after which a user name's failures are forgotten
 * @param maxFailedCodes wrong second-factor codes after a right password that lock the codes
 * @param maxFailedLoginsPerUser failed logins of one user name from all addresses after which its
 *     attempts are slowed to one per {@code userDelay} (not from its known addresses)
 * @param userDelay the time between two attempts of a slowed user name
 * @param maxFailedLoginsPerClient failed logins from one address (any names) after which its
 *     attempts are slowed to one per {@code clientDelay} (not for a user who signed in from there)
 * @param clientWindow a quiet time after which an address's failures are forgotten
 * @param clientDelay the time between two attempts from a slowed address
 * @param knownAddressFor how long after a sign-in its address counts as the user's own
 * @param failureAlarm failed logins on this node within {@code alarmWindow} that raise the alarm
 * @param alarmWindow the window of the alarm
 * @param loginRecordsKept how long login attempts are kept for the administrators
 */
@ConfigurationProperties("smsportal.security")
public record LoginProtectionProperties(
    @DefaultValue("5") int maxFailedLogins,
    @DefaultValue("15m") Duration lockoutDuration,
    @DefaultValue("24h") Duration maxLockoutDuration,
    @DefaultValue("24h") Duration failureWindow,
    @DefaultValue("10") int maxFailedCodes,
    @DefaultValue("10") int maxFailedLoginsPerUser,
    @DefaultValue("60s") Duration userDelay,
    @DefaultValue("20") int maxFailedLoginsPerClient,
    @DefaultValue("15m") Duration clientWindow,
    @DefaultValue("5s") Duration clientDelay,
    @DefaultValue("30d") Duration knownAddressFor,
    @DefaultValue("100") int failureAlarm,
    @DefaultValue("15m") Duration alarmWindow,
    @DefaultValue("90d") Duration loginRecordsKept) {

  public LoginProtectionProperties {
    if (maxFailedLogins < 1) {
      throw new IllegalArgumentException("smsportal.security.max-failed-logins must be at least 1");
    }
    if (maxFailedCodes < 1
        || maxFailedLoginsPerUser < 1
        || maxFailedLoginsPerClient < 1
        || failureAlarm < 1) {
      throw new IllegalArgumentException(
          "smsportal.security.max-failed-codes, max-failed-logins-per-user,"
              + " max-failed-logins-per-client and failure-alarm must be at least 1");
    }
    requirePositive(lockoutDuration, "lockout-duration");
    requirePositive(maxLockoutDuration, "max-lockout-duration");
    requirePositive(failureWindow, "failure-window");
    requirePositive(clientWindow, "client-window");
    requirePositive(userDelay, "user-delay");
    requirePositive(clientDelay, "client-delay");
    requirePositive(knownAddressFor, "known-address-for");
    requirePositive(alarmWindow, "alarm-window");
    requirePositive(loginRecordsKept, "login-records-kept");
  }

  /** The locks of the name on one address: base, twice base, … up to the longest. */
  List<Duration> lockSteps() {
    List<Duration> steps = new ArrayList<>();
    Duration lock = lockoutDuration;
    while (lock.compareTo(maxLockoutDuration) < 0 && steps.size() < 30) {
      steps.add(lock);
      lock = lock.multipliedBy(2);
    }
    steps.add(maxLockoutDuration);
    return steps;
  }

  /** The attempts a counter of this kind takes before it blocks. */
  int maxAttempts(LoginCounter.Kind kind) {
    return switch (kind) {
      case USER_ADDRESS -> maxFailedLogins;
      case USER -> maxFailedLoginsPerUser;
      case CLIENT -> maxFailedLoginsPerClient;
      case CODES -> maxFailedCodes;
      case SIGN_IN -> CodeProtection.WRONG_CODES_PER_SIGN_IN;
      case KNOWN -> Integer.MAX_VALUE;
    };
  }

  private static void requirePositive(Duration duration, String name) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("smsportal.security." + name + " must be positive");
    }
  }
}
