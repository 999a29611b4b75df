package com.smsportal.api.key;

import com.smsportal.tenant.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One API key of a tenant, as its page lists and revokes it; the secret only as its hash. */
@Entity
@Table(name = "api_key")
class ApiKey extends TenantOwned {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 60)
  private String name;

  @Column(name = "key_id", nullable = false, length = 16, updatable = false)
  private String keyId;

  @Column(name = "secret_hash", nullable = false, length = 64, updatable = false)
  private String secretHash;

  @Column(nullable = false, length = 32)
  private String scopes;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 100, updatable = false)
  private String createdBy;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "last_used_at", insertable = false, updatable = false)
  private Instant lastUsedAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "revoked_by", length = 100)
  private String revokedBy;

  protected ApiKey() {}

  ApiKey(
      String name,
      KeyFormat.Issued issued,
      String scopes,
      Instant createdAt,
      String createdBy,
      Instant expiresAt) {
    this.name = name;
    this.keyId = issued.keyId();
    this.secretHash = KeyFormat.hash(issued.secret());
    this.scopes = scopes;
    this.createdAt = createdAt;
    this.createdBy = createdBy;
    this.expiresAt = expiresAt;
  }

  Long id() {
    return id;
  }

  String name() {
    return name;
  }

  String shownPrefix() {
    return KeyFormat.PREFIX + keyId;
  }

  boolean revoked() {
    return revokedAt != null;
  }

  void revoke(Instant at, String by) {
    revokedAt = at;
    revokedBy = by;
  }

  ApiKeyRow toRow(Instant now) {
    ApiKeyRow.State state =
        revokedAt != null
            ? ApiKeyRow.State.REVOKED
            : expiresAt != null && !expiresAt.isAfter(now)
                ? ApiKeyRow.State.EXPIRED
                : ApiKeyRow.State.ACTIVE;
    return new ApiKeyRow(
        id,
        name,
        shownPrefix(),
        ApiScope.parse(scopes),
        createdAt,
        createdBy,
        lastUsedAt,
        expiresAt,
        revokedAt,
        revokedBy,
        state);
  }
}
