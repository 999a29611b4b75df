package com.smsportal.sending.compose;

import com.smsportal.audit.CurrentActor;
import com.smsportal.tenant.TenantContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * What a confirmation page showed, kept until it is confirmed (issue 23): the order and its numbers
 * as read once from the pasted list or the file, after de-duplication and opt-outs. Bound to the
 * user and tenant who saw it and valid for {@link ComposeProperties#confirmWithin()}; in the
 * database, so the confirmation may reach any node. Native SQL, so every query names the tenant and
 * the user itself.
 */
@Service
class StagedSends {

  /** A confirmed order: what the job is made of, whatever the confirming request carries. */
  record StagedSend(
      long accountId,
      String content,
      Instant sendTime,
      String extno,
      String idempotencyKey,
      List<String> numbers) {

    StagedSend {
      numbers = List.copyOf(numbers);
    }
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcTemplate jdbc;
  private final ComposeProperties properties;
  private final Clock clock;

  StagedSends(JdbcTemplate jdbc, ComposeProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
  }

  /** Keeps the order for its confirmation and returns the token the confirm button carries. */
  String stage(StagedSend send) {
    long now = clock.millis();
    jdbc.update(
        "delete from send_staged where created_at < ?",
        now - properties.confirmWithin().toMillis());
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    jdbc.update(
        "insert into send_staged (token, tenant_id, username, account_id, content, send_time,"
            + " extno, idempotency_key, numbers, number_count, created_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        token,
        TenantContext.current(),
        CurrentActor.name(),
        send.accountId(),
        send.content(),
        send.sendTime() == null ? null : send.sendTime().toEpochMilli(),
        send.extno(),
        send.idempotencyKey(),
        String.join("\n", send.numbers()),
        send.numbers().size(),
        now);
    return token;
  }

  /** The order staged under this token by this user of this tenant, if it has not expired. */
  Optional<StagedSend> find(String token) {
    if (token == null || token.isBlank() || token.length() > 64) {
      return Optional.empty();
    }
    long oldest = clock.millis() - properties.confirmWithin().toMillis();
    return jdbc
        .query(
            "select account_id, content, send_time, extno, idempotency_key, numbers"
                + " from send_staged where token = ? and tenant_id = ? and username = ?"
                + " and created_at >= ?",
            (rs, row) -> {
              Long sendTime = rs.getObject("send_time", Long.class);
              String numbers = rs.getString("numbers");
              return new StagedSend(
                  rs.getLong("account_id"),
                  rs.getString("content"),
                  sendTime == null ? null : Instant.ofEpochMilli(sendTime),
                  rs.getString("extno"),
                  rs.getString("idempotency_key"),
                  numbers.isEmpty() ? List.of() : List.of(numbers.split("\n")));
            },
            token.strip(),
            TenantContext.current(),
            CurrentActor.name(),
            oldest)
        .stream()
        .findFirst();
  }
}
