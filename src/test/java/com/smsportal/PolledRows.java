package com.smsportal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Status reports and replies stored as the poller stores them (plain JDBC, tenant set explicitly),
 * for the tests of the pages that read them. Times are written as UTC, like Hibernate writes them.
 */
public final class PolledRows {

  /** Any number: status_report and reply have no foreign keys. */
  public static final long ACCOUNT = 990_001L;

  private final JdbcTemplate jdbc;

  public PolledRows(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public record Report(
      long tenant,
      String taskId,
      String mobile,
      int status,
      Instant receivedAt,
      String errorCode,
      String extno,
      Long jobId) {}

  public record Reply(
      long tenant,
      String mobile,
      String content,
      Instant receivedAt,
      String extno,
      Long jobId,
      boolean optOut) {}

  /** Stores the reports, and answers their ids in the same order. */
  public List<Long> reports(List<Report> reports) {
    List<String> keys = new ArrayList<>();
    List<Object[]> rows = new ArrayList<>();
    for (Report r : reports) {
      String key = uniqueKey();
      keys.add(key);
      rows.add(
          new Object[] {
            r.tenant(),
            ACCOUNT,
            1L,
            r.taskId(),
            r.mobile(),
            r.status(),
            key,
            utc(r.receivedAt()),
            r.errorCode(),
            r.extno(),
            utc(r.receivedAt().plusSeconds(30)),
            r.jobId()
          });
    }
    jdbc.batchUpdate(
        "insert into status_report (tenant_id, account_id, inbox_id, task_id, mobile, status,"
            + " receive_time, received_at, error_code, extno, fetched_at, job_id)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows);
    return ids("status_report", keys);
  }

  public long report(Report report) {
    return reports(List.of(report)).get(0);
  }

  /** Stores the replies, and answers their ids in the same order. */
  public List<Long> replies(List<Reply> replies) {
    List<String> keys = new ArrayList<>();
    List<Object[]> rows = new ArrayList<>();
    for (Reply r : replies) {
      String key = uniqueKey();
      keys.add(key);
      rows.add(
          new Object[] {
            r.tenant(),
            ACCOUNT,
            1L,
            "",
            r.mobile(),
            r.content(),
            "0".repeat(64),
            key,
            utc(r.receivedAt()),
            r.extno(),
            utc(r.receivedAt().plusSeconds(30)),
            r.jobId(),
            r.optOut()
          });
    }
    jdbc.batchUpdate(
        "insert into reply (tenant_id, account_id, inbox_id, task_id, mobile, content,"
            + " content_hash, receive_time, received_at, extno, fetched_at, job_id, opt_out)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows);
    return ids("reply", keys);
  }

  public long reply(Reply reply) {
    return replies(List.of(reply)).get(0);
  }

  /** A mobile number no other test uses. */
  public static String randomMobile() {
    return "13" + String.format("%09d", ThreadLocalRandom.current().nextLong(1_000_000_000L));
  }

  /** A task id no other test uses. */
  public static String randomTaskId() {
    return String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
  }

  /** The receive_time column is part of the unique key: each fixture row gets its own. */
  private static String uniqueKey() {
    return "fx-" + UUID.randomUUID().toString().replace("-", "").substring(0, 28);
  }

  private List<Long> ids(String table, List<String> keys) {
    List<Long> ids = new ArrayList<>();
    for (String key : keys) {
      ids.add(
          jdbc.queryForObject(
              "select id from " + table + " where receive_time = ?", Long.class, key));
    }
    return ids;
  }

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
