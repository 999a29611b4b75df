package com.smsportal.mobile;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.DatabaseDependent;
import com.smsportal.ScratchDatabase;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The migration (V33) that brings the numbers of reports and replies stored before to the one
 * reading of a number: on an empty database of its own, on H2 and (in CI) MariaDB, whichever this
 * run uses.
 */
@DatabaseDependent("a migration (V33) of rows stored before it")
class ReportedNumbersMigrationIntegrationTests {

  static final String T0 = "2031-05-01 02:00:00";
  static final String T1 = "2031-05-01 02:05:00";

  ScratchDatabase database;
  JdbcTemplate jdbc;

  @BeforeEach
  void emptyDatabase() throws SQLException {
    database = ScratchDatabase.create();
    jdbc = database.jdbc();
    database.migrate("32");
    jdbc.update(
        "insert into tenant (id, name, status, created_at) values (1, 'Acme', 'ACTIVE', ?)", T0);
    jdbc.update(
        "insert into gateway_endpoint (id, name, base_url, default_charset, active, created_at,"
            + " created_by, updated_at, updated_by) values (1, 'gw', 'http://gw.example', 'UTF8',"
            + " TRUE, ?, 'test', ?, 'test')",
        T0,
        T0);
    jdbc.update(
        "insert into gateway_account (id, tenant_id, name, endpoint_id, account_key,"
            + " endpoint_charset, userid, account_name, password_ciphertext, chunk_size,"
            + " extno_supported, active, created_at, updated_at) values (7, 1, 'main', 1, 'acme',"
            + " 'UTF8', '101', 'acme', 'v1:k1:AAAA', 1000, FALSE, TRUE, ?, ?)",
        T0,
        T0);
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    database.close();
  }

  @Test
  void reportsWrittenWithACountryCodeBecomeTheSentNumberAndTellItTheirOutcome() {
    long job = job("T100", "13900000001", "13900000002", "13900000003");
    long prefixed = report("T100", "8613900000001", 10, T1);
    long plus = report("T100", "+86 139-0000-0002", 20, T1);
    long bare = report("T100", "13900000003", 10, T1);
    // The same report stored twice before, once in each spelling: one is kept.
    long twin = report("T100", "13900000003", 20, T0);
    long twinPrefixed = report("T100", "008613900000003", 20, T0);
    long landline = report("T100", "010-12345678", 10, T1);
    long foreign = report("T100", "+14155550100", 10, T1);

    database.migrate(null);

    assertThat(reportNumbers())
        .containsExactly(
            Map.entry(prefixed, "13900000001"),
            Map.entry(plus, "13900000002"),
            Map.entry(bare, "13900000003"),
            Map.entry(twin, "13900000003"),
            Map.entry(landline, "01012345678"),
            Map.entry(foreign, "+14155550100"));
    assertThat(jdbc.queryForList("select id from status_report", Long.class))
        .doesNotContain(twinPrefixed);
    assertThat(numberStates(job))
        .containsExactly(
            Map.entry("13900000001", "DELIVERED"),
            Map.entry("13900000002", "FAILED"),
            Map.entry("13900000003", "SUBMITTED"));
    assertThat(
            jdbc.queryForObject("select job_id from status_report where id = ?", Long.class, plus))
        .isEqualTo(job);
  }

  @Test
  void repliesWrittenWithACountryCodeBecomeTheNumberAndATwinGivesWayToItsOther() {
    long prefixed = reply("8613900000005", "TD", T1);
    long kept = reply("13900000006", "好的", T1);
    long twin = reply("+8613900000006", "好的", T1);
    jdbc.update(
        "insert into opt_out (tenant_id, mobile, source, reply_id, created_at, created_by)"
            + " values (1, '13900000005', 'REPLY', ?, ?, 'system'),"
            + " (1, '13900000006', 'REPLY', ?, ?, 'system')",
        prefixed,
        T1,
        twin,
        T1);

    database.migrate(null);

    assertThat(
            jdbc.queryForList("select id, mobile from reply order by id").stream()
                .map(r -> Map.entry(((Number) r.get("id")).longValue(), (String) r.get("mobile")))
                .toList())
        .containsExactly(Map.entry(prefixed, "13900000005"), Map.entry(kept, "13900000006"));
    assertThat(jdbc.queryForList("select reply_id from opt_out order by mobile", Long.class))
        .as("an opt-out names the reply that was kept")
        .containsExactly(prefixed, kept);
  }

  @Test
  void numbersAlreadyInTheirOneSpellingAreLeftAsTheyAre() {
    long mobile = report("T200", "13900000007", 10, T1);
    long shortCode = report("T200", "10690001", 10, T1);
    long reply = reply("13900000008", "你好", T1);

    database.migrate(null);

    assertThat(reportNumbers())
        .containsExactly(Map.entry(mobile, "13900000007"), Map.entry(shortCode, "10690001"));
    assertThat(jdbc.queryForObject("select mobile from reply where id = ?", String.class, reply))
        .isEqualTo("13900000008");
  }

  /** A finished job of account 7 whose one chunk the gateway accepted as {@code task}. */
  private long job(String task, String... mobiles) {
    jdbc.update(
        "insert into send_job (tenant_id, account_id, idempotency_key, content, extno, state,"
            + " number_count, segments, chunk_count, created_at, created_by) values"
            + " (1, 7, ?, '【聚合云】您好', '', 'FINISHED', ?, 1, 1, ?, 'acme')",
        task,
        mobiles.length,
        T0);
    long job = jdbc.queryForObject("select max(id) from send_job", Long.class);
    jdbc.update(
        "insert into send_chunk (tenant_id, job_id, account_id, seq, state, number_count, due_at,"
            + " attempts, task_id) values (1, ?, 7, 1, 'SUBMITTED', ?, ?, 1, ?)",
        job,
        mobiles.length,
        T0,
        task);
    long chunk = jdbc.queryForObject("select max(id) from send_chunk", Long.class);
    for (String mobile : mobiles) {
      jdbc.update(
          "insert into send_number (tenant_id, job_id, chunk_id, mobile, state)"
              + " values (1, ?, ?, ?, 'SUBMITTED')",
          job,
          chunk,
          mobile);
    }
    return job;
  }

  private long report(String task, String mobile, int status, String receivedAt) {
    jdbc.update(
        "insert into status_report (tenant_id, account_id, inbox_id, task_id, mobile, status,"
            + " receive_time, received_at, error_code, extno, fetched_at) values"
            + " (1, 7, 1, ?, ?, ?, ?, ?, ?, '', ?)",
        task,
        mobile,
        status,
        receivedAt,
        receivedAt,
        status == 10 ? "DELIVRD" : "UNDELIV",
        receivedAt);
    return jdbc.queryForObject("select max(id) from status_report", Long.class);
  }

  private long reply(String mobile, String content, String receivedAt) {
    jdbc.update(
        "insert into reply (tenant_id, account_id, inbox_id, task_id, mobile, content,"
            + " content_hash, receive_time, received_at, extno, fetched_at, opt_out) values"
            + " (1, 7, 1, '', ?, ?, ?, ?, ?, '', ?, FALSE)",
        mobile,
        content,
        // Stands in for the SHA-256 of the content: the same content, the same hash.
        String.format("%064x", content.hashCode() & 0xffffffffL),
        receivedAt,
        receivedAt,
        receivedAt);
    return jdbc.queryForObject("select max(id) from reply", Long.class);
  }

  private List<Map.Entry<Long, String>> reportNumbers() {
    return jdbc.queryForList("select id, mobile from status_report order by id").stream()
        .map(r -> Map.entry(((Number) r.get("id")).longValue(), (String) r.get("mobile")))
        .toList();
  }

  private List<Map.Entry<String, String>> numberStates(long job) {
    return jdbc
        .queryForList("select mobile, state from send_number where job_id = ? order by mobile", job)
        .stream()
        .map(r -> Map.entry((String) r.get("mobile"), (String) r.get("state")))
        .toList();
  }
}
