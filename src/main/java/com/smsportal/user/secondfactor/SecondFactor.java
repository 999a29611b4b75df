package com.smsportal.user.secondfactor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A user's TOTP key, sealed (see {@link SecondFactors}): the confirmed one, and the one being
 * enrolled until a first code confirms it. Never shown once confirmed.
 */
@Entity
@Table(name = "user_second_factor")
class SecondFactor {

  @Id
  @Column(name = "user_id")
  private Long userId;

  @Column(name = "secret")
  private String sealedSecret;

  @Column(name = "pending_secret")
  private String sealedPendingSecret;

  @Column(name = "enrolled_at")
  private Instant enrolledAt;

  @Column(name = "last_step")
  private Long lastStep;

  protected SecondFactor() {}

  SecondFactor(long userId) {
    this.userId = userId;
  }

  Long getUserId() {
    return userId;
  }

  boolean enrolled() {
    return sealedSecret != null;
  }

  String getSealedSecret() {
    return sealedSecret;
  }

  String getSealedPendingSecret() {
    return sealedPendingSecret;
  }

  Instant getEnrolledAt() {
    return enrolledAt;
  }

  Long getLastStep() {
    return lastStep;
  }

  void begin(String sealedPending) {
    sealedPendingSecret = sealedPending;
  }

  /** The pending key becomes the user's key; the confirming code's step counts as used. */
  void confirm(Instant at, long step) {
    sealedSecret = sealedPendingSecret;
    sealedPendingSecret = null;
    enrolledAt = at;
    lastStep = step;
  }

  void used(long step) {
    lastStep = step;
  }

  void resealed(String secret, String pending) {
    sealedSecret = secret;
    sealedPendingSecret = pending;
  }
}
