package com.smsportal.user;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Failed logins of user names that do not exist, counted so that such a name locks exactly like a
 * real one (the answers must not tell which names exist) but without storing anything per name: a
 * fixed table of {@value #SLOTS} counters in memory, each name hashed (with a key made at start) to
 * one slot. Two names that share a slot share a count, which can only lock a made-up name early.
 * Per node: in a cluster each node counts the names it saw.
 */
final class UnknownNameThrottle {

  static final int SLOTS = 4096;

  private final int[] failures = new int[SLOTS];
  private final Instant[] lastFailure = new Instant[SLOTS];
  private final Instant[] lockedUntil = new Instant[SLOTS];
  private final byte[] key = new byte[32];

  UnknownNameThrottle() {
    new SecureRandom().nextBytes(key);
  }

  synchronized Optional<Instant> lockedUntil(String username, Instant now) {
    int slot = slot(username);
    Instant until = lockedUntil[slot];
    return until != null && until.isAfter(now) ? Optional.of(until) : Optional.empty();
  }

  /** Counts a failure of the name; true when it locks it, as {@link LoginThrottle#fail} would. */
  synchronized boolean fail(String username, Instant now, LoginProtectionProperties limits) {
    int slot = slot(username);
    Duration window = limits.failureWindow();
    if (lastFailure[slot] != null && !lastFailure[slot].plus(window).isAfter(now)) {
      failures[slot] = 0;
      lockedUntil[slot] = null;
    }
    failures[slot]++;
    lastFailure[slot] = now;
    Duration lock = LoginThrottle.lockFor(failures[slot], limits);
    if (lock.isZero()) {
      return false;
    }
    lockedUntil[slot] = now.plus(lock);
    return true;
  }

  private int slot(String username) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] digest = mac.doFinal(username.getBytes(StandardCharsets.UTF_8));
      int value = ((digest[0] & 0xff) << 8) | (digest[1] & 0xff);
      return value % SLOTS;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is not available");
    }
  }
}
