package com.smsportal.bench;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fills a tenant's status reports, replies and one send job with set-based SQL (H2: {@code
 * SYSTEM_RANGE}; MariaDB: the SEQUENCE engine's {@code seq_A_to_B}), half a million rows a
 * statement, for the page benchmarks at 10 million rows. Oldest first, as the poller stores them:
 * reports over the 30 days before {@code newest}, a task id per 1,000 reports (as a chunk's reports
 * come together), a tenth of the tenant's count in distinct numbers (each number about ten
 * reports), one report in ten failed.
 */
final class BenchRows {

  static final int SPAN_SECONDS = 30 * 24 * 3600;
  static final int PER_STATEMENT = 500_000;
  static final int CHUNK = 1_000;

  private final JdbcTemplate jdbc;
  private final boolean h2;

  BenchRows(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    String url = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getURL());
    this.h2 = url.startsWith("jdbc:h2:");
  }

  /** The rows n of [from, from + count), as a derived table with the column {@code n}. */
  private String range(long from, long count) {
    return h2
        ? "(select \"X\" - 1 as n from system_range(" + (from + 1) + ", " + (from + count) + ")) r"
        : "(select seq as n from seq_" + from + "_to_" + (from + count - 1) + ") r";
  }

  /** The task id of report n: a task per 1,000 reports. */
  static String task(long tenant, long n) {
    return "B" + tenant + "-" + (n - n % CHUNK);
  }

  /** The number of report n among {@code rows}: rows / 10 distinct numbers. */
  static String mobile(long n, long rows) {
    return "139" + String.format(Locale.ROOT, "%08d", (n * 7919) % Math.max(1, rows / 10));
  }

  /** When report n of {@code rows} was received: evenly over the 30 days before newest. */
  static LocalDateTime receivedAt(LocalDateTime newest, long n, long rows) {
    return newest.minusSeconds(SPAN_SECONDS).plusSeconds(n * SPAN_SECONDS / rows);
  }

  private static String time(long rows, LocalDateTime oldest, long span) {
    // n * span / rows as an exact integer in both databases ("/" is decimal in MariaDB).
    return "timestampadd(SECOND, (r.n * "
        + span
        + " - mod(r.n * "
        + span
        + ", "
        + rows
        + ")) / "
        + rows
        + ", timestamp '"
        + oldest.withNano(0).toString().replace('T', ' ')
        + "')";
  }

  private String mobileSql(long rows) {
    return "concat('139', lpad(mod(r.n * 7919, " + Math.max(1, rows / 10) + "), 8, '0'))";
  }

  long reports(long tenant, long account, long rows, LocalDateTime newest) {
    return reports(tenant, account, rows, newest, SPAN_SECONDS);
  }

  /**
   * The same over the {@code span} seconds before {@code newest}: a short span gives many reports
   * the same second, as a drained backlog does.
   */
  long reports(long tenant, long account, long rows, LocalDateTime newest, long span) {
    LocalDateTime oldest = newest.minusSeconds(span);
    long started = System.nanoTime();
    for (long from = 0; from < rows; from += PER_STATEMENT) {
      jdbc.update(
          "insert into status_report (tenant_id, account_id, inbox_id, task_id, mobile, status,"
              + " receive_time, received_at, error_code, extno, fetched_at, job_id) select "
              + tenant
              + ", "
              + account
              + ", 1, concat('B"
              + tenant
              + "-', r.n - mod(r.n, "
              + CHUNK
              + ")), "
              + mobileSql(rows)
              + ", case when mod(r.n, 10) = 3 then 20 else 10 end, concat('r', r.n), "
              + time(rows, oldest, span)
              + ", case when mod(r.n, 10) = 3 then 'UNDELIV' else 'DELIVRD' end, '', "
              + time(rows, oldest, span)
              + ", null from "
              + range(from, Math.min(PER_STATEMENT, rows - from)),
          new Object[0]);
    }
    return Duration.ofNanos(System.nanoTime() - started).toSeconds();
  }

  long replies(long tenant, long account, long rows, LocalDateTime newest) {
    return replies(tenant, account, rows, newest, SPAN_SECONDS);
  }

  /** The same over the {@code span} seconds before {@code newest}. */
  long replies(long tenant, long account, long rows, LocalDateTime newest, long span) {
    LocalDateTime oldest = newest.minusSeconds(span);
    long started = System.nanoTime();
    for (long from = 0; from < rows; from += PER_STATEMENT) {
      jdbc.update(
          "insert into reply (tenant_id, account_id, inbox_id, task_id, mobile, content,"
              + " content_hash, receive_time, received_at, extno, fetched_at, job_id, opt_out)"
              + " select "
              + tenant
              + ", "
              + account
              + ", 1, concat('B"
              + tenant
              + "-', r.n - mod(r.n, "
              + CHUNK
              + ")), "
              + mobileSql(rows)
              + ", case when mod(r.n, 10) = 3 then 'TD 退订' else concat('收到 thanks ', r.n) end,"
              + " lpad(r.n, 64, '0'), concat('r', r.n), "
              + time(rows, oldest, span)
              + ", '', "
              + time(rows, oldest, span)
              + ", null, case when mod(r.n, 10) = 3 then true else false end from "
              + range(from, Math.min(PER_STATEMENT, rows - from)),
          new Object[0]);
    }
    return Duration.ofNanos(System.nanoTime() - started).toSeconds();
  }

  /**
   * A finished job of {@code numbers} numbers (chunks of 1,000) created a day before {@code
   * newest}; its numbers mostly delivered, some failed, submitted, unknown, opted out. Returns its
   * id.
   */
  long job(long tenant, long account, int numbers, LocalDateTime newest) {
    String key = "bench-10m-" + numbers;
    LocalDateTime created = newest.minusDays(1);
    int chunks = (numbers + CHUNK - 1) / CHUNK;
    jdbc.update(
        "insert into send_job (tenant_id, account_id, idempotency_key, content, extno, state,"
            + " number_count, segments, chunk_count, created_at, created_by, personalised,"
            + " total_segments) values (?, ?, ?, 'page bench', '', 'FINISHED', ?, 1, ?, ?, 'bench',"
            + " false, null)",
        tenant,
        account,
        key,
        numbers,
        chunks,
        created);
    long job =
        jdbc.queryForObject(
            "select id from send_job where tenant_id = ? and idempotency_key = ?",
            Long.class,
            tenant,
            key);
    jdbc.update(
        "insert into send_chunk (tenant_id, job_id, account_id, seq, state, number_count, due_at,"
            + " attempts, answered_at, task_id) select ?, ?, ?, r.n, 'SUBMITTED', "
            + CHUNK
            + ", ?, 1, ?, concat('J"
            + tenant
            + "-', r.n) from "
            + range(0, chunks),
        tenant,
        job,
        account,
        created,
        created);
    long first =
        jdbc.queryForObject("select min(id) from send_chunk where job_id = ?", Long.class, job);
    long last =
        jdbc.queryForObject("select max(id) from send_chunk where job_id = ?", Long.class, job);
    if (last - first != chunks - 1) {
      throw new IllegalStateException("the job's chunks did not get consecutive ids");
    }
    for (long from = 0; from < numbers; from += PER_STATEMENT) {
      jdbc.update(
          "insert into send_number (tenant_id, job_id, chunk_id, mobile, state) select ?, ?, ? +"
              + " (r.n - mod(r.n, "
              + CHUNK
              + ")) / "
              + CHUNK
              + ", concat('138', lpad(r.n, 8, '0')), case mod(r.n, 20) when 12 then 'FAILED'"
              + " when 13 then 'FAILED' when 14 then 'SUBMITTED' when 15 then 'UNKNOWN' when 16"
              + " then 'OPTED_OUT' else 'DELIVERED' end from "
              + range(from, Math.min(PER_STATEMENT, numbers - from)),
          tenant,
          job,
          first);
    }
    return job;
  }

  /**
   * The tenant's daily counts (the dashboard's chart) counted again from its chunks and numbers, as
   * the worker and the ingest would have kept them (the backfill of V45_1, for one tenant).
   */
  void sendDays(long tenant) {
    jdbc.update("delete from send_day where tenant_id = ?", tenant);
    jdbc.update(
        "insert into send_day (tenant_id, sent_day, account_id, sent, delivered, failed)"
            + " select c.tenant_id, c.sent_day, c.account_id, sum(c.number_count),"
            + " sum(coalesce(o.delivered, 0)), sum(coalesce(o.failed, 0))"
            + " from (select id, tenant_id, account_id, number_count,"
            + " cast(timestampadd(hour, 8, answered_at) as date) as sent_day from send_chunk"
            + " where tenant_id = ? and state = 'SUBMITTED' and answered_at is not null) c"
            + " left join (select chunk_id,"
            + " sum(case when state = 'DELIVERED' then 1 else 0 end) as delivered,"
            + " sum(case when state = 'FAILED' then 1 else 0 end) as failed"
            + " from send_number where tenant_id = ? and state in ('DELIVERED', 'FAILED')"
            + " group by chunk_id) o on o.chunk_id = c.id"
            + " group by c.tenant_id, c.sent_day, c.account_id",
        tenant,
        tenant);
  }
}
