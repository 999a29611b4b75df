package com.smsportal.user.account;

import com.smsportal.user.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A portal user: name, password hash, role, tenant (a customer's), and where the user stands with
 * their password. Internal to the user module; other modules know users by name through {@code
 * UserService}.
 */
@Entity
@Table(name = "portal_user")
public class PortalUser {

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

  /**
   * The tenant of a tenant's user; null for the operator's staff. Not a @TenantId: login looks up.
   */
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

  /**
   * Seeded with a published password (the demo's users; column {@code demo}): see {@code
   * SeededUsers}.
   */
  @Column(name = "demo", nullable = false)
  private boolean seeded;

  protected PortalUser() {}

  public PortalUser(
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

  public Long getId() {
    return id;
  }

  public String getUsername() {
    return username;
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public Role getRole() {
    return role;
  }

  public Long getTenantId() {
    return tenantId;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public boolean isMustChangePassword() {
    return mustChangePassword;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getDisplayName() {
    return displayName;
  }

  /**
   * Whether this is a one-time password from support past its lifetime (counted from when it was
   * issued): it no longer signs in, and the user must ask support for a new one.
   */
  public boolean temporaryPasswordExpiredAt(Instant now, Duration lifetime) {
    return mustChangePassword
        && passwordChangedAt != null
        && !passwordChangedAt.plus(lifetime).isAfter(now);
  }

  public boolean isSeeded() {
    return seeded;
  }

  public void markSeeded() {
    seeded = true;
  }

  public void disable() {
    enabled = false;
  }

  public void enable() {
    enabled = true;
  }

  /** Another role inside the same tenant (or among staff): never from one side to the other. */
  public void changeRole(Role newRole) {
    if (newRole.tenantRole() != role.tenantRole()) {
      throw new IllegalArgumentException(
          "a tenant's user stays a tenant's user, staff stays staff");
    }
    role = newRole;
  }

  /** A password the user chose: kept, and no change is asked for any more. */
  public void changePassword(String hash, Instant at) {
    passwordHash = hash;
    mustChangePassword = false;
    passwordChangedAt = at;
  }

  /** A temporary password handed out by support: the user must replace it at the next login. */
  public void resetPassword(String temporaryHash, Instant at) {
    passwordHash = temporaryHash;
    mustChangePassword = true;
    passwordChangedAt = at;
  }
}
