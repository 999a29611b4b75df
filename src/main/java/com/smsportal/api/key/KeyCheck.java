package com.smsportal.api.key;

import com.smsportal.tenant.TenantStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The check of a presented key, in the database on every request (no cache), so that a revoke or an
 * expiry holds on every node from the next request on. Plain SQL by the key's id: the key names its
 * tenant, so no tenant is current yet.
 */
@Component
class KeyCheck {

  /** Why a key was refused, as the audit log and the problem's detail name it. */
  enum Refusal {
    MISSING,
    MALFORMED,
    UNKNOWN,
    REVOKED,
    EXPIRED,
    /** The key is right but its tenant is suspended: its users cannot sign in either. */
    SUSPENDED
  }

  /** The outcome: the principal, or the refusal (with the key's prefix when it named a key). */
  record Result(ApiKeyPrincipal principal, Refusal refusal, String prefix, Long tenantId) {}

  /** Last use is written at most this often per key: a busy key costs no write per request. */
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  private final JdbcTemplate jdbc;
  private final Clock clock;

  KeyCheck(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  Result check(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return new Result(null, Refusal.MISSING, null, null);
    }
    Optional<KeyFormat.Presented> presented = KeyFormat.parse(authorization.substring(7));
    if (presented.isEmpty()) {
      return new Result(null, Refusal.MALFORMED, null, null);
    }
    String prefix = KeyFormat.PREFIX + presented.get().keyId();
    var rows =
        jdbc.query(
            "SELECT k.id, k.tenant_id, k.secret_hash, k.scopes, k.expires_at, k.revoked_at,"
                + " t.status FROM api_key k JOIN tenant t ON t.id = k.tenant_id WHERE k.key_id = ?",
            (rs, n) ->
                new Stored(
                    rs.getLong("id"),
                    rs.getLong("tenant_id"),
                    rs.getString("secret_hash"),
                    rs.getString("scopes"),
                    instant(rs.getObject("expires_at", LocalDateTime.class)),
                    instant(rs.getObject("revoked_at", LocalDateTime.class)),
                    TenantStatus.SUSPENDED.name().equals(rs.getString("status"))),
            presented.get().keyId());
    if (rows.isEmpty() || !KeyFormat.matches(presented.get().secret(), rows.get(0).hash())) {
      return new Result(null, Refusal.UNKNOWN, prefix, null);
    }
    Stored key = rows.get(0);
    Instant now = clock.instant();
    if (key.revokedAt() != null) {
      return new Result(null, Refusal.REVOKED, prefix, key.tenantId());
    }
    if (key.expiresAt() != null && !key.expiresAt().isAfter(now)) {
      return new Result(null, Refusal.EXPIRED, prefix, key.tenantId());
    }
    if (key.suspended()) {
      return new Result(null, Refusal.SUSPENDED, prefix, key.tenantId());
    }
    jdbc.update(
        "UPDATE api_key SET last_used_at = ? WHERE id = ?"
            + " AND (last_used_at IS NULL OR last_used_at < ?)",
        utc(now),
        key.id(),
        utc(now.minus(TOUCH_EVERY)));
    return new Result(
        new ApiKeyPrincipal(key.id(), key.tenantId(), prefix, ApiScope.parse(key.scopes())),
        null,
        prefix,
        key.tenantId());
  }

  private record Stored(
      long id,
      long tenantId,
      String hash,
      String scopes,
      Instant expiresAt,
      Instant revokedAt,
      boolean suspended) {}

  private static Instant instant(LocalDateTime utc) {
    return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
  }

  /** DATETIME columns hold UTC, whatever the JVM's zone. */
  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
