package com.smsportal.sending.compose;

import com.smsportal.audit.CurrentActor;
import com.smsportal.sending.PersonalOrder;
import com.smsportal.tenant.TenantContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
      List<String> numbers,
      List<PersonalOrder.Text> texts) {

    StagedSend {
      numbers = List.copyOf(numbers);
      texts = texts == null ? null : List.copyOf(texts);
    }

    StagedSend(
        long accountId,
        String content,
        Instant sendTime,
        String extno,
        String idempotencyKey,
        List<String> numbers) {
      this(accountId, content, sendTime, extno, idempotencyKey, numbers, null);
    }

    /** A personalised order (issue 24): {@code content} has placeholders, each text its numbers. */
    boolean personalised() {
      return texts != null;
    }
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  /** Staged texts per INSERT batch. */
  private static final int BATCH = 500;

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
    long expired = now - properties.confirmWithin().toMillis();
    jdbc.update(
        "delete from send_staged_text where token in"
            + " (select token from send_staged where created_at < ?)",
        expired);
    jdbc.update("delete from send_staged where created_at < ?", expired);
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    jdbc.update(
        "insert into send_staged (token, tenant_id, username, account_id, content, send_time,"
            + " extno, idempotency_key, numbers, number_count, created_at, personalised)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        token,
        TenantContext.current(),
        CurrentActor.name(),
        send.accountId(),
        send.content(),
        send.sendTime() == null ? null : send.sendTime().toEpochMilli(),
        send.extno(),
        send.idempotencyKey(),
        send.personalised() ? "" : String.join("\n", send.numbers()),
        send.personalised()
            ? send.texts().stream().mapToInt(t -> t.mobiles().size()).sum()
            : send.numbers().size(),
        now,
        send.personalised());
    if (send.personalised()) {
      stageTexts(token, send.texts());
    }
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
            "select account_id, content, send_time, extno, idempotency_key, numbers, personalised"
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
                  numbers.isEmpty() ? List.of() : List.of(numbers.split("\n")),
                  rs.getBoolean("personalised") ? List.of() : null);
            },
            token.strip(),
            TenantContext.current(),
            CurrentActor.name(),
            oldest)
        .stream()
        .findFirst()
        .map(send -> send.personalised() ? withTexts(token.strip(), send) : send);
  }

  /** Each distinct text a row, its numbers one a line: a few rows for 100,000 recipients. */
  private void stageTexts(String token, List<PersonalOrder.Text> texts) {
    List<Object[]> rows = new ArrayList<>();
    for (int seq = 0; seq < texts.size(); seq++) {
      PersonalOrder.Text text = texts.get(seq);
      rows.add(
          new Object[] {
            token, seq, text.content(), String.join("\n", text.mobiles()), text.mobiles().size()
          });
      if (rows.size() == BATCH || seq == texts.size() - 1) {
        jdbc.batchUpdate(
            "insert into send_staged_text (token, seq, content, numbers, number_count)"
                + " values (?, ?, ?, ?, ?)",
            rows);
        rows.clear();
      }
    }
  }

  private StagedSend withTexts(String token, StagedSend send) {
    List<PersonalOrder.Text> texts =
        jdbc.query(
            "select content, numbers from send_staged_text where token = ? order by seq",
            (rs, row) ->
                new PersonalOrder.Text(
                    rs.getString("content"), List.of(rs.getString("numbers").split("\n"))),
            token);
    return new StagedSend(
        send.accountId(),
        send.content(),
        send.sendTime(),
        send.extno(),
        send.idempotencyKey(),
        List.of(),
        texts);
  }
}
