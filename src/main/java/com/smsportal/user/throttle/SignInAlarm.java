package com.smsportal.user.throttle;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Failed logins over all names and addresses on this node: a credential-stuffing run spread thin
 * enough to pass every per-account and per-address limit still shows here. Metrics {@code
 * smsportal.login.failures} (counter, by kind), {@code smsportal.login.failures.recent} (within the
 * alarm window) and {@code smsportal.login.alarm} (1 while over the threshold); the same figures on
 * {@code /admin/logins}; a warning in the log when the alarm goes on and off.
 */
@Component
class SignInAlarm {

  /** The figures the administrators' page shows. */
  record Status(long recentFailures, int threshold, long windowMinutes, boolean raised) {}

  private static final Logger log = LoggerFactory.getLogger(SignInAlarm.class);
  private static final int BUCKETS = 60;

  private final LoginProtectionProperties limits;
  private final Clock clock;
  private final long[] counts = new long[BUCKETS];
  private final long[] bucketStarts = new long[BUCKETS];
  private final Counter wrongPasswords;
  private final Counter unknownNames;
  private final Counter wrongCodes;
  private final Counter refused;
  private boolean raised;

  SignInAlarm(LoginProtectionProperties limits, Clock clock, MeterRegistry meters) {
    this.limits = limits;
    this.clock = clock;
    this.wrongPasswords = failures(meters, "wrong-password");
    this.unknownNames = failures(meters, "unknown-user");
    this.wrongCodes = failures(meters, "wrong-code");
    this.refused = failures(meters, "refused");
    Gauge.builder("smsportal.login.failures.recent", this, a -> a.status().recentFailures())
        .description("Failed logins on this node within the alarm window")
        .register(meters);
    Gauge.builder("smsportal.login.alarm", this, a -> a.status().raised() ? 1 : 0)
        .description("1 while failed logins are over smsportal.security.failure-alarm")
        .register(meters);
  }

  private static Counter failures(MeterRegistry meters, String kind) {
    return Counter.builder("smsportal.login.failures")
        .description("Failed logins by kind")
        .tag("kind", kind)
        .register(meters);
  }

  void wrongPassword(boolean knownUser) {
    (knownUser ? wrongPasswords : unknownNames).increment();
    count();
  }

  void wrongCode() {
    wrongCodes.increment();
    count();
  }

  /** Refused without a look at the password: a locked account or a blocked address. */
  void refused() {
    refused.increment();
    count();
  }

  synchronized Status status() {
    Instant now = clock.instant();
    long recent = recent(now);
    boolean over = recent >= limits.failureAlarm();
    if (over != raised) {
      raised = over;
      if (over) {
        log.warn(
            "Login failure alarm: {} failed logins on this node in the last {} minutes (alarm at"
                + " {})",
            recent,
            limits.alarmWindow().toMinutes(),
            limits.failureAlarm());
      } else {
        log.info("Login failure alarm over: {} failed logins in the window", recent);
      }
    }
    return new Status(recent, limits.failureAlarm(), limits.alarmWindow().toMinutes(), over);
  }

  private void count() {
    synchronized (this) {
      long bucket = bucketOf(clock.instant());
      int i = (int) Math.floorMod(bucket, (long) BUCKETS);
      if (bucketStarts[i] != bucket) {
        bucketStarts[i] = bucket;
        counts[i] = 0;
      }
      counts[i]++;
    }
    status();
  }

  private long recent(Instant now) {
    long current = bucketOf(now);
    long oldest = current - bucketsInWindow() + 1;
    long sum = 0;
    for (int i = 0; i < BUCKETS; i++) {
      if (bucketStarts[i] >= oldest && bucketStarts[i] <= current) {
        sum += counts[i];
      }
    }
    return sum;
  }

  /** The window in buckets; a bucket is a sixtieth of the window, at least a second. */
  private long bucketSeconds() {
    return Math.max(1, limits.alarmWindow().getSeconds() / BUCKETS);
  }

  private long bucketsInWindow() {
    return Math.min(BUCKETS, Math.max(1, limits.alarmWindow().getSeconds() / bucketSeconds()));
  }

  private long bucketOf(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), bucketSeconds());
  }
}
