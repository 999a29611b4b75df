package com.smsportal.user.secondfactor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One recovery code of a user, as its SHA-256 only; usable once. */
@Entity
@Table(name = "recovery_code")
class RecoveryCode {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "user_id", nullable = false)
  private Long userId;

  @Column(name = "code_hash", nullable = false, length = 64)
  private String codeHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "used_at")
  private Instant usedAt;

  protected RecoveryCode() {}

  RecoveryCode(long userId, String codeHash, Instant createdAt) {
    this.userId = userId;
    this.codeHash = codeHash;
    this.createdAt = createdAt;
  }

  Long getUserId() {
    return userId;
  }

  boolean used() {
    return usedAt != null;
  }

  void use(Instant at) {
    usedAt = at;
  }
}
