package com.smsportal.gatewayaccount.rotation;

import com.smsportal.tenant.TenantContext;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps trying to resolve the password rotations in doubt, so that an account whose change lost its
 * answer while the gateway was down gets back to work once the gateway answers again, without
 * waiting for an administrator. At start-up, the rotations this node left PENDING when it stopped
 * are put in doubt first.
 */
@Component
@EnableConfigurationProperties(RotationProperties.class)
class RotationRetry implements SmartInitializingSingleton {

  /** How often, and how long after the start first: {@code smsportal.rotation.retry-every}. */
  static final String EVERY = "${smsportal.rotation.retry-every:PT1M}";

  private static final Logger log = LoggerFactory.getLogger(RotationRetry.class);

  private final PasswordRotation rotation;
  private final Duration staleAfter;

  RotationRetry(PasswordRotation rotation, RotationProperties properties) {
    this.rotation = rotation;
    this.staleAfter = properties.staleAfter();
  }

  @Override
  public void afterSingletonsInstantiated() {
    try {
      int interrupted = TenantContext.callAs(TenantContext.ALL_TENANTS, rotation::doubtInterrupted);
      if (interrupted > 0) {
        log.warn(
            "{} password rotation(s) interrupted by this node's last stop are in doubt",
            interrupted);
      }
    } catch (RuntimeException e) {
      // They stay PENDING: the retry puts them in doubt after stale-after.
      log.warn(
          "The password rotations interrupted by this node's last stop could not be marked", e);
    }
  }

  @Scheduled(initialDelayString = EVERY, fixedDelayString = EVERY)
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
