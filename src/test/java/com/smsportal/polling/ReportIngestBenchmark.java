package com.smsportal.polling;

import com.smsportal.TestEndpoints;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.gatewayaccount.GatewayEndpoints;
import com.smsportal.sending.SendFixtures;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark, not a test (run only when named; see README): the poller's ingest of 1,000,000 status
 * reports, 4,000 per answer as the gateway hands them out, next to the database's own best: the
 * same rows into the same table as one multi-row {@code INSERT … ON DUPLICATE KEY UPDATE} per
 * answer (issue 27; it was a per-row JDBC batch, which hid that ingest ran at 0.18× of this),
 * interleaved answer by answer so both meet the same table size.
 *
 * <p>Ingest is the whole path after the HTTP call: the raw answer committed to the inbox, read, its
 * task ids looked up among the sent chunks, the reports upserted, the answer marked processed. The
 * baseline upserts the same 4,000 rows in one statement and transaction and nothing else. The ratio
 * (ingest rate / baseline rate) is the figure that matters.
 *
 * <p>{@code ./mvnw -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=ReportIngestBenchmark} (H2); add {@code -Pci} to run it on MariaDB as well.
 */
@SpringBootTest(properties = "smsportal.simulator.enabled=true")
class ReportIngestBenchmark {

  private static final DateTimeFormatter VENDOR_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @Value("${bench.reports:1000000}")
  int total;

  @Value("${bench.per-answer:4000}")
  int perAnswer;

  /** Whether the reports match sent numbers (jobs of 1,000 made first), so ingest moves them. */
  @Value("${bench.matched:false}")
  boolean matched;

  @Value("${it.database:h2}")
  String database;

  @Autowired RawInbox inbox;
  @Autowired PollIngest ingest;
  @Autowired TenantService tenants;
  @Autowired GatewayAccounts accounts;
  @Autowired GatewayEndpoints endpoints;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate tx;
  @Autowired ApplicationContext context;

  @Test
  void ingestOfAMillionReportsAgainstAPlainBatchInsert() {
    long tenant = tenants.create("Bench " + UUID.randomUUID().toString().substring(0, 8)).id();
    long ingestAccount = account(tenant, "bench-ingest");
    long plainAccount = account(tenant, "bench-plain");
    int answers = total / perAnswer;
    LocalDateTime base = LocalDateTime.of(2026, 11, 1, 8, 0);
    List<String> tasks = new ArrayList<>();
    SendFixtures fixtures = new SendFixtures(context);
    for (int t = 0; t < (total + 999) / 1000; t++) {
      tasks.add(
          matched
              ? "T" + fixtures.accepted(tenant, ingestAccount, Instant.now(), 0, 0, 1000)
              : Integer.toString(100_000 + t));
    }

    long ingestNanos = 0;
    long plainNanos = 0;
    long inboxNanos = 0;
    int stored = 0;
    // Issue 27: the baseline is what the database takes at its best, the answer's rows in ONE
    // multi-row INSERT ... ON DUPLICATE KEY UPDATE, committed per answer.
    String baseline =
        "insert into status_report (tenant_id, account_id, inbox_id, task_id, mobile, status,"
            + " receive_time, received_at, error_code, extno, fetched_at, job_id) values "
            + String.join(
                ", ", Collections.nCopies(perAnswer, "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
            + " on duplicate key update id = id";
    for (int a = 0; a < answers; a++) {
      List<Object[]> rows = new ArrayList<>(perAnswer);
      StringBuilder xml = new StringBuilder(perAnswer * 190).append("<returnsms>\n");
      Instant fetched = Instant.now();
      for (int i = 0; i < perAnswer; i++) {
        int n = a * perAnswer + i;
        String mobile = matched ? String.format("139%08d", n % 1000) : String.format("13%09d", n);
        String task = tasks.get(n / 1000);
        boolean delivered = n % 10 != 4;
        String time = VENDOR_TIME.format(base.plusSeconds(n));
        xml.append(" <statusbox><mobile>")
            .append(mobile)
            .append("</mobile><taskid>")
            .append(task)
            .append("</taskid><status>")
            .append(delivered ? 10 : 20)
            .append("</status><receivetime>")
            .append(time)
            .append("</receivetime><errorcode>")
            .append(delivered ? "DELIVRD" : "UNDELIV")
            .append("</errorcode><extno>01</extno></statusbox>\n");
        rows.add(
            new Object[] {
              tenant,
              plainAccount,
              0L,
              task,
              mobile,
              delivered ? 10 : 20,
              time,
              base.plusSeconds(n).minusHours(8),
              delivered ? "DELIVRD" : "UNDELIV",
              "01",
              LocalDateTime.ofInstant(fetched, ZoneOffset.UTC),
              null
            });
      }
      String body = xml.append("</returnsms>").toString();

      long t0 = System.nanoTime();
      long id =
          inbox.store(tenant, ingestAccount, InboxKind.REPORTS, RawInbox.POLL, fetched, body, null);
      inboxNanos += System.nanoTime() - t0;
      PollIngest.Result result =
          ingest.process(
              new StoredAnswer(
                  id,
                  tenant,
                  ingestAccount,
                  InboxKind.REPORTS,
                  RawInbox.POLL,
                  InboxState.NEW,
                  fetched,
                  body,
                  null,
                  null,
                  null));
      long t1 = System.nanoTime();
      tx.executeWithoutResult(
          s -> jdbc.update(baseline, rows.stream().flatMap(Arrays::stream).toArray()));
      long t2 = System.nanoTime();
      ingestNanos += t1 - t0;
      plainNanos += t2 - t1;
      stored += result.items();
    }

    long ingested =
        jdbc.queryForObject(
            "select count(*) from status_report where account_id = ?", Long.class, ingestAccount);
    long plain =
        jdbc.queryForObject(
            "select count(*) from status_report where account_id = ?", Long.class, plainAccount);
    double ingestRate = stored / (ingestNanos / 1e9);
    double plainRate = plain / (plainNanos / 1e9);
    System.out.printf(
        "%n=== ReportIngestBenchmark on %s (%d answers of %d reports%s, %d processors, max heap %d MiB)%n"
            + "ingest (inbox + parse + match lookup + upsert): %,d reports in %.1f s = %,.0f reports/s%n"
            + "multi-row upsert, %,d rows a statement, same rows and table: %,d rows in %.1f s = %,.0f rows/s%n"
            + "of which the raw answer's own commit to the inbox: %.1f s%n"
            + "ratio ingest / plain = %.2f%n"
            + "rows stored by ingest: %,d (expected %,d)%n%n",
        database,
        answers,
        perAnswer,
        matched ? ", each matching a sent number" : ", none matching a sent number",
        Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() >> 20,
        stored,
        ingestNanos / 1e9,
        ingestRate,
        perAnswer,
        plain,
        plainNanos / 1e9,
        plainRate,
        inboxNanos / 1e9,
        ingestRate / plainRate,
        ingested,
        (long) answers * perAnswer);
    if (ingested != (long) answers * perAnswer) {
      throw new AssertionError("ingest stored " + ingested + " reports");
    }
  }

  private long account(long tenant, String name) {
    return TenantContext.callAs(
        tenant,
        () ->
            accounts.ensure(
                name,
                TestEndpoints.of(endpoints, "http://127.0.0.1:9/none"),
                GatewayCharset.UTF8,
                "1",
                // One gateway identity per run: a database may hold an earlier run's.
                name + "-" + tenant,
                "x"));
  }
}
