package com.smsportal.sheet;

import com.smsportal.audit.CurrentActor;
import com.smsportal.tenant.TenantContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * An uploaded spreadsheet kept between its upload and its mapping page's submit: in the database
 * (table {@code sheet_upload}), so that the next request may reach any node, like {@code
 * sending.compose.StagedSends}. Bound to the tenant and the user who uploaded it, under a random
 * token, for {@link #KEPT_FOR}; at most {@link SheetLimits#MAX_FILE_BYTES} a file. Native SQL, so
 * every query names the tenant and the user itself.
 */
@Service
public class StagedSheets {

  /** How long an upload waits for its mapping. */
  public static final Duration KEPT_FOR = Duration.ofHours(2);

  /** A kept upload. */
  public record StagedSheet(String token, String filename, byte[] bytes) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcTemplate jdbc;
  private final Clock clock;

  StagedSheets(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Keeps the file and returns its token; expired uploads of anyone are removed first. */
  public String stage(String filename, byte[] bytes) {
    if (bytes.length > SheetLimits.MAX_FILE_BYTES) {
      throw new IllegalArgumentException("an upload beyond the limit is never kept");
    }
    long now = clock.millis();
    jdbc.update("delete from sheet_upload where created_at < ?", now - KEPT_FOR.toMillis());
    byte[] random = new byte[24];
    RANDOM.nextBytes(random);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    String name = filename == null ? "" : filename.strip();
    jdbc.update(
        "insert into sheet_upload (token, tenant_id, username, filename, content, created_at)"
            + " values (?, ?, ?, ?, ?, ?)",
        token,
        TenantContext.current(),
        CurrentActor.name(),
        name.length() > 255 ? name.substring(name.length() - 255) : name,
        bytes,
        now);
    return token;
  }

  /** The upload kept under this token for this user of this tenant, if it has not expired. */
  public Optional<StagedSheet> find(String token) {
    if (token == null || token.isBlank() || token.length() > 64) {
      return Optional.empty();
    }
    return jdbc
        .query(
            "select filename, content from sheet_upload where token = ? and tenant_id = ?"
                + " and username = ? and created_at >= ?",
            (rs, row) -> new StagedSheet(token, rs.getString(1), rs.getBytes(2)),
            token,
            TenantContext.current(),
            CurrentActor.name(),
            clock.millis() - KEPT_FOR.toMillis())
        .stream()
        .findFirst();
  }

  /** Forgets the upload (once imported). */
  public void discard(String token) {
    jdbc.update(
        "delete from sheet_upload where token = ? and tenant_id = ? and username = ?",
        token,
        TenantContext.current(),
        CurrentActor.name());
  }
}
