package com.smsportal.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An API key stored as the keys page stores it (its secret's SHA-256 only), for tests that probe
 * every route of {@code /api/**} through MockMvc without the page.
 */
public final class TestApiKeys {

  private TestApiKeys() {}

  /** A new key of the tenant with both scopes; the whole key, as the page would show it once. */
  public static String insert(JdbcTemplate jdbc, long tenantId) {
    String keyId = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    String secret = UUID.randomUUID().toString().replace("-", "");
    try {
      String hash =
          HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance("SHA-256")
                      .digest(secret.getBytes(StandardCharsets.US_ASCII)));
      jdbc.update(
          "INSERT INTO api_key (tenant_id, name, key_id, secret_hash, scopes, created_at,"
              + " created_by) VALUES (?, ?, ?, ?, 'read,send', ?, 'test')",
          tenantId,
          "test key " + keyId,
          keyId,
          hash,
          LocalDateTime.now(ZoneOffset.UTC));
    } catch (java.security.NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
    return "smsp_" + keyId + "_" + secret;
  }
}
