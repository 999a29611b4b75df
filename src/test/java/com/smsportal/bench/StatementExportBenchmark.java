package com.smsportal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.Logins;
import com.smsportal.PortalHttpClient;
import com.smsportal.TestEndpoints;
import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.gatewayaccount.GatewayEndpoints;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark, not a test of speed (issue 26): a month of 1,000,000 numbers (100 jobs of 10,000 over
 * the 31 days of March 2026, chunks of 1,000, a tenth of the jobs personalised) on an account of
 * Acme's, stored with plain SQL, then its statement downloaded as XLSX and as CSV through the real
 * routes by {@code acme}. Prints the time of each download and the peak heap of the JVM that runs
 * the portal while it answers (the heap pools' peaks, reset before each download, and a sampled
 * peak of used heap). Asserts only correctness: the files' totals are the numbers stored.
 *
 * <p>The database is kept out of the measured heap: an H2 file of its own (not the test run's H2 in
 * memory), or MariaDB. Run with the heap capped, so that an export that reads the numbers into
 * memory fails: {@code JAVA_TOOL_OPTIONS=-Xmx256m ./mvnw -B verify -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=StatementExportBenchmark}; on MariaDB add
 * {@code
 * -Dbench.db.url='jdbc:mysql://127.0.0.1:3306/<database>?useUnicode=true&characterEncoding=UTF-8'
 * -Dbench.db.user=... -Dbench.db.password=...} (an empty database of its own: Flyway migrates it;
 * the month stays after the run, for EXPLAIN).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      // The database outside the heap that is measured: an H2 file (the test run's H2 is in
      // memory, in the same heap), or MariaDB with -Dbench.db.url=... -Dbench.db.user=...
      "spring.datasource.url=${bench.db.url:jdbc:h2:file:${java.io.tmpdir}/statement-bench/db;"
          + "MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;CACHE_SIZE=16384}",
      "spring.datasource.username=${bench.db.user:sa}",
      "spring.datasource.password=${bench.db.password:}"
    })
class StatementExportBenchmark {

  private static final int JOBS = 100;
  private static final int NUMBERS_PER_JOB = 10_000;
  private static final int CHUNK = 1_000;
  private static final long MB = 1024 * 1024;
  private static final String[] STATES = {
    "DELIVERED",
    "DELIVERED",
    "DELIVERED",
    "DELIVERED",
    "DELIVERED",
    "DELIVERED",
    "FAILED",
    "SUBMITTED",
    "UNKNOWN",
    "OPTED_OUT"
  };

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TenantService tenants;
  @Autowired GatewayAccounts accounts;
  @Autowired GatewayEndpoints endpoints;

  @Test
  void aMonthOfAMillionNumbersExportsAsXlsxAndCsv() throws Exception {
    long acme = tenants.findByName("Acme").orElseThrow().id();
    long account =
        TenantContext.callAs(
            acme,
            () ->
                accounts.ensure(
                    "statement-bench",
                    TestEndpoints.of(endpoints, "https://gw.statement-bench.example"),
                    GatewayCharset.UTF8,
                    "880099",
                    "statement-bench",
                    "Pw-statement-bench"));
    jdbc.update("update gateway_account set active = false where id = ?", account);
    // A run before this one left its month (kept for EXPLAIN): start again.
    jdbc.update(
        "delete from send_number where job_id in (select id from send_job where account_id = ?)",
        account);
    jdbc.update("delete from send_chunk where account_id = ?", account);
    jdbc.update("delete from send_job where account_id = ?", account);
    long start = System.nanoTime();
    store(acme, account);
    System.out.printf(
        Locale.ROOT,
        "%nStatement export benchmark: max heap %d MB; %d numbers stored in %.1f s%n",
        Runtime.getRuntime().maxMemory() / MB,
        JOBS * NUMBERS_PER_JOB,
        (System.nanoTime() - start) / 1e9);

    PortalHttpClient client = new PortalHttpClient(port).logIn("acme", Logins.DEMO_PASSWORD);
    String query = "?month=2026-03&account=" + account;
    Path xlsx = download(client, "/statements/export.xlsx" + query, ".xlsx");
    Path csv = download(client, "/statements/export.csv" + query, ".csv");

    long numbers = (long) JOBS * NUMBERS_PER_JOB;
    long sent = numbers * 8 / 10;
    try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(xlsx))) {
      var sheet = book.getSheetAt(0);
      Row totals = sheet.getRow(32); // 31 days after the header
      assertThat(totals.getCell(1).getNumericCellValue()).isEqualTo(JOBS);
      assertThat(totals.getCell(2).getNumericCellValue()).isEqualTo(sent);
      assertThat(totals.getCell(4).getNumericCellValue()).isEqualTo(numbers * 6 / 10);
    }
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(33);
    assertThat(lines.get(32)).contains("," + JOBS + "," + sent + ",");
    System.out.println("CSV totals: " + lines.get(32));
    Files.delete(xlsx);
    Files.delete(csv);
  }

  private Path download(PortalHttpClient client, String path, String suffix) throws Exception {
    Path file = Files.createTempFile("statement-bench", suffix);
    HeapWatch heap = new HeapWatch(5);
    long start = System.nanoTime();
    HttpResponse<Path> response = client.download(path, file);
    long end = System.nanoTime();
    heap.stop();
    assertThat(response.statusCode()).isEqualTo(200);
    System.out.printf(
        Locale.ROOT,
        "%s: %d bytes in %.2f s; heap peak (pools) %d MB, sampled used peak %d MB%n",
        path,
        Files.size(file),
        (end - start) / 1e9,
        heap.poolPeaks() / MB,
        heap.sampledPeak.get() / MB);
    return file;
  }

  /** 100 jobs over March (China days), their chunks and numbers, in multi-row inserts. */
  private void store(long tenant, long account) {
    for (int j = 0; j < JOBS; j++) {
      // Spread over the 31 days of March in China time, at 10:00 UTC (18:00 in China).
      LocalDateTime created =
          LocalDateTime.ofInstant(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC)
              .plusDays(j % 31);
      boolean personalised = j % 10 == 0;
      jdbc.update(
          "insert into send_job (tenant_id, account_id, idempotency_key, content, extno, state,"
              + " number_count, segments, chunk_count, created_at, created_by, personalised,"
              + " total_segments) values (?, ?, ?, 'statement bench', '', 'FINISHED', ?, 1, ?, ?,"
              + " 'acme', ?, ?)",
          tenant,
          account,
          "statement-bench-" + account + "-" + j,
          NUMBERS_PER_JOB,
          NUMBERS_PER_JOB / CHUNK,
          created,
          personalised,
          personalised ? 2L * NUMBERS_PER_JOB : null);
      long job =
          jdbc.queryForObject(
              "select id from send_job where tenant_id = ? and idempotency_key = ?",
              Long.class,
              tenant,
              "statement-bench-" + account + "-" + j);
      for (int c = 0; c < NUMBERS_PER_JOB / CHUNK; c++) {
        jdbc.update(
            "insert into send_chunk (tenant_id, job_id, account_id, seq, state, number_count,"
                + " due_at, attempts, segments) values (?, ?, ?, ?, 'SUBMITTED', ?, ?, 1, ?)",
            tenant,
            job,
            account,
            c,
            CHUNK,
            created,
            personalised ? 2 : null);
        long chunk =
            jdbc.queryForObject(
                "select id from send_chunk where job_id = ? and seq = ?", Long.class, job, c);
        StringBuilder sql =
            new StringBuilder(
                "insert into send_number (tenant_id, job_id, chunk_id, mobile, state) values ");
        for (int n = 0; n < CHUNK; n++) {
          sql.append(n == 0 ? "" : ",")
              .append('(')
              .append(tenant)
              .append(',')
              .append(job)
              .append(',')
              .append(chunk)
              .append(",'")
              .append(String.format(Locale.ROOT, "139%08d", c * CHUNK + n))
              .append("','")
              .append(STATES[n % STATES.length])
              .append("')");
        }
        jdbc.update(sql.toString());
      }
    }
  }
}
