package com.smsportal.tenant;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps trying to resolve the password rotations in doubt, so that an account whose change lost its
 * answer while the gateway was down gets back to work once the gateway answers again, without
 * waiting for an administrator.
 */
@Component
class RotationRetry {

  private static final Logger log = LoggerFactory.getLogger(RotationRetry.class);

  private final PasswordRotation rotation;
  private final Duration staleAfter;

  RotationRetry(
      PasswordRotation rotation,
      @Value("${smsportal.rotation.stale-after:PT5M}") Duration staleAfter) {
    this.rotation = rotation;
    this.staleAfter = staleAfter;
  }

  @Scheduled(
      initialDelayString = "${smsportal.rotation.retry-every:PT1M}",
      fixedDelayString = "${smsportal.rotation.retry-every:PT1M}")
  void resolveInDoubt() {
    try {
      int resolved =
          TenantContext.callAs(TenantContext.ALL_TENANTS, () -> rotation.resolveAll(staleAfter));
      if (resolved > 0) {
        log.info("Resolved {} password rotation(s) in doubt", resolved);
      }
    } catch (RuntimeException e) {
      // The next round tries again; a database hiccup must not end the schedule.
      log.warn("Resolving the password rotations in doubt failed", e);
    }
  }
}
