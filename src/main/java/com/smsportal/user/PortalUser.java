package com.smsportal.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "portal_user")
class PortalUser {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 64)
  private String username;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false, length = 20)
  private Role role;

  /** The tenant of a CUSTOMER; null for the operator's staff. Not a @TenantId: login looks up. */
  @Column(name = "tenant_id")
  private Long tenantId;

  @Column(name = "display_name", length = 100)
  private String displayName;

  @Column(nullable = false)
  private boolean enabled;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "must_change_password", nullable = false)
  private boolean mustChangePassword;

  @Column(name = "password_changed_at")
  private Instant passwordChangedAt;

  /** Seeded by the demo (see {@link DemoAccounts}). */
  @Column(nullable = false)
  private boolean demo;

  protected PortalUser() {}

  PortalUser(
      String username,
      String passwordHash,
      Role role,
      Long tenantId,
      String displayName,
      Instant createdAt) {
    this.username = username;
    this.passwordHash = passwordHash;
    this.role = role;
    this.tenantId = tenantId;
    this.displayName = displayName;
    this.enabled = true;
    this.createdAt = createdAt;
  }

  Long getId() {
    return id;
  }

  String getUsername() {
    return username;
  }

  String getPasswordHash() {
    return passwordHash;
  }

  Role getRole() {
    return role;
  }

  Long getTenantId() {
    return tenantId;
  }

  boolean isEnabled() {
    return enabled;
  }

  boolean isMustChangePassword() {
    return mustChangePassword;
  }

  Instant getCreatedAt() {
    return createdAt;
  }

  /**
   * Whether this is a one-time password from support past its lifetime (counted from when it was
   * issued): it no longer signs in, and the user must ask support for a new one.
   */
  boolean temporaryPasswordExpiredAt(Instant now, SessionProperties sessions) {
    return mustChangePassword
        && passwordChangedAt != null
        && !passwordChangedAt.plus(sessions.temporaryPasswordLifetime()).isAfter(now);
  }

  boolean isDemo() {
    return demo;
  }

  void markDemo() {
    demo = true;
  }

  void disable() {
    enabled = false;
  }

  void enable() {
    enabled = true;
  }

  /** A password the user chose: kept, and no change is asked for any more. */
  void changePassword(String hash, Instant at) {
    passwordHash = hash;
    mustChangePassword = false;
    passwordChangedAt = at;
  }

  /** A temporary password handed out by support: the user must replace it at the next login. */
  void resetPassword(String temporaryHash, Instant at) {
    passwordHash = temporaryHash;
    mustChangePassword = true;
    passwordChangedAt = at;
  }

  UserRow toRow(boolean secondFactor) {
    return new UserRow(
        id,
        username,
        displayName,
        role,
        tenantId,
        enabled,
        mustChangePassword,
        secondFactor,
        createdAt);
  }
}
