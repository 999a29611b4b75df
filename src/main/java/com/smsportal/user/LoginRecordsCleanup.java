package com.smsportal.user;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps what login protection stores bounded: counters whose window has passed, and login attempts
 * older than {@code smsportal.security.login-records-kept}. Harmless if two nodes run it at once.
 */
@Component
class LoginRecordsCleanup {

  private static final Logger log = LoggerFactory.getLogger(LoginRecordsCleanup.class);

  private final LoginProtection protection;

  LoginRecordsCleanup(LoginProtection protection) {
    this.protection = protection;
  }

  @Scheduled(
      fixedDelayString = "${smsportal.security.cleanup-every:PT1H}",
      initialDelayString = "${smsportal.security.cleanup-every:PT1H}")
  void cleanUp() {
    int[] deleted = protection.cleanUp();
    if (deleted[0] + deleted[1] + deleted[2] > 0) {
      log.info(
          "Login records cleaned up: {} account counter(s), {} address counter(s), {} old"
              + " attempt(s)",
          deleted[0],
          deleted[1],
          deleted[2]);
    }
  }
}
