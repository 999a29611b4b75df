package com.smsportal.statements;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.web.Times;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A month of one gateway account's jobs, chunks and numbers, and its balance readings, stored with
 * plain SQL as the portal stores them (times in UTC), for the statements' tests; removed again.
 */
final class StoredMonth {

  private final JdbcTemplate jdbc;
  private final long acme;
  private final long account;

  StoredMonth(JdbcTemplate jdbc, long tenant, long account) {
    this.jdbc = jdbc;
    this.acme = tenant;
    this.account = account;
  }

  /** The account's rows, and the account. */
  void remove() {
    jdbc.update(
        "delete from send_number where job_id in (select id from send_job where account_id = ?)",
        account);
    jdbc.update("delete from send_chunk where account_id = ?", account);
    jdbc.update("delete from send_job where account_id = ?", account);
    jdbc.update("delete from balance_day where account_id = ?", account);
    jdbc.update("delete from gateway_account where id = ?", account);
  }

  /**
   * A job of the account as the portal stores it: one chunk, a number per state; {@code optedOut}
   * and {@code limited} numbers held back when it was stored.
   */
  void job(
      String createdAt,
      int segments,
      boolean personalised,
      int optedOut,
      int limited,
      String... states) {
    LocalDateTime created = LocalDateTime.ofInstant(Instant.parse(createdAt), ZoneOffset.UTC);
    jdbc.update(
        "insert into send_job (tenant_id, account_id, idempotency_key, content, extno, state,"
            + " number_count, segments, chunk_count, created_at, created_by, opted_out_count,"
            + " limited_count, personalised, total_segments) values (?, ?, ?, 'statement test',"
            + " '', 'FINISHED', ?, ?, 1, ?, 'acme', ?, ?, ?, ?)",
        acme,
        account,
        UUID.randomUUID().toString(),
        states.length,
        personalised ? 1 : segments,
        created,
        optedOut,
        limited,
        personalised,
        personalised ? (long) segments * states.length : null);
    long job =
        jdbc.queryForObject(
            "select max(id) from send_job where account_id = ?", Long.class, account);
    jdbc.update(
        "insert into send_chunk (tenant_id, job_id, account_id, seq, state, number_count, due_at,"
            + " attempts, segments) values (?, ?, ?, 0, 'SUBMITTED', ?, ?, 1, ?)",
        acme,
        job,
        account,
        states.length,
        created,
        personalised ? segments : null);
    long chunk = jdbc.queryForObject("select id from send_chunk where job_id = ?", Long.class, job);
    for (int i = 0; i < states.length; i++) {
      jdbc.update(
          "insert into send_number (tenant_id, job_id, chunk_id, mobile, state)"
              + " values (?, ?, ?, ?, ?)",
          acme,
          job,
          chunk,
          String.format("1390000%04d", i),
          states[i]);
    }
  }

  void balanceDay(String day, long first, String firstAt, long last, String lastAt) {
    assertThat(LocalDate.ofInstant(Instant.parse(firstAt), Times.ZONE).toString()).isEqualTo(day);
    jdbc.update(
        "insert into balance_day (account_id, read_day, tenant_id, first_overage, first_at,"
            + " last_overage, last_at) values (?, ?, ?, ?, ?, ?, ?)",
        account,
        LocalDate.parse(day),
        acme,
        first,
        LocalDateTime.ofInstant(Instant.parse(firstAt), ZoneOffset.UTC),
        last,
        LocalDateTime.ofInstant(Instant.parse(lastAt), ZoneOffset.UTC));
  }
}
