package com.smsportal.api.v1;

import com.smsportal.tenant.TenantContext;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An API send's {@code Idempotency-Key} with the hash of the body it came with (table {@code
 * api_idempotency}), claimed before the job is stored, each step committed on its own. The job
 * itself is stored under the same key by {@code sending} (one job per tenant and key, its unique
 * index), so two requests racing with one key store one job; the claim is what tells a repeat of
 * the same body (the same job) from another body (409). Plain SQL with the tenant named.
 */
@Component
class Idempotency {

  /** What a key holds: the body's hash and the job, once it is stored. */
  record Claim(String bodyHash, Long jobId) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;

  Idempotency(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Claims the key for this body; empty if it was free, else what an earlier request claimed. */
  Optional<Claim> claim(String key, String bodyHash) {
    long tenant = TenantContext.current();
    try {
      jdbc.update(
          "INSERT INTO api_idempotency (tenant_id, idem_key, body_hash, job_id, created_at)"
              + " VALUES (?, ?, ?, NULL, ?)",
          tenant,
          key,
          bodyHash,
          LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
      return Optional.empty();
    } catch (DuplicateKeyException taken) {
      List<Claim> found =
          jdbc.query(
              "SELECT body_hash, job_id FROM api_idempotency WHERE tenant_id = ? AND idem_key = ?",
              (rs, n) -> {
                long job = rs.getLong("job_id");
                return new Claim(rs.getString("body_hash"), rs.wasNull() ? null : job);
              },
              tenant,
              key);
      return found.stream().findFirst();
    }
  }

  void stored(String key, long jobId) {
    jdbc.update(
        "UPDATE api_idempotency SET job_id = ? WHERE tenant_id = ? AND idem_key = ?",
        jobId,
        TenantContext.current(),
        key);
  }

  /** A refused send frees its key: the client may fix the body and use the key again. */
  void release(String key) {
    jdbc.update(
        "DELETE FROM api_idempotency WHERE tenant_id = ? AND idem_key = ? AND job_id IS NULL",
        TenantContext.current(),
        key);
  }
}
