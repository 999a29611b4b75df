package com.smsportal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.DatabaseDependent;
import com.smsportal.Logins;
import com.smsportal.PortalHttpClient;
import com.smsportal.tenant.TenantService;
import com.smsportal.web.Times;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Benchmark (issue 27, point 6): how fast a full receipts export and a full replies export stream,
 * and in how much heap. One tenant (Acme) with {@code -Dbench.reports} status reports (default
 * 200,000) and as many replies within an hour ({@code -Dbench.span}, as a drained backlog), filled
 * with set-based SQL ({@link BenchRows}); each export is read to its end over HTTP by Acme's
 * signed-in customer, {@code -Dbench.runs} times (3) after one warm-up. The baseline of the same
 * run is a plain JDBC read of the same rows in the same order, one query, writing the same CSV
 * (same columns, labels, byte-order mark) to a null stream: the ratio is what the portal's export
 * costs on top of reading the rows. Prints rows/s of each, the ratio, and the heap's sampled peak
 * during the exports (server and client share this JVM); asserts that each export answered 200 with
 * every row and exactly the baseline's bytes.
 *
 * <p>Run: {@code ./mvnw -B -o verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=ReceiptsExportBenchmark} (H2 file {@code target/receipts-export-bench/h2/db}); add
 * {@code -Pci} (and {@code -Dit.mariadb.url=...}) for MariaDB too. The rows stay for the next run.
 */
@DatabaseDependent("the export's batch queries and their plans are the database's")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"smsportal.sending.worker-enabled=false"})
class ReceiptsExportBenchmark {

  static final long ROWS = Long.getLong("bench.reports", 200_000);
  static final int RUNS = Integer.getInteger("bench.runs", 3);

  /**
   * Over how many seconds the rows were received: by default an hour, as a drained backlog comes
   * (about 55 rows a second at 200,000, many rows sharing a second); {@code -Dbench.span=2592000}
   * spreads them over 30 days, as a quiet month does.
   */
  static final long SPAN = Long.getLong("bench.span", 3600);

  /** The H2 file and the warm-up's files (compared when the bytes differ); kept between runs. */
  static final java.nio.file.Path WORK =
      java.nio.file.Path.of(
              "target", "receipts-export-bench", System.getProperty("it.database", "h2"))
          .toAbsolutePath();

  @DynamicPropertySource
  static void h2File(DynamicPropertyRegistry registry) {
    if (!"mariadb".equals(System.getProperty("it.database"))) {
      registry.add(
          "spring.datasource.url",
          () ->
              "jdbc:h2:file:"
                  + WORK.resolve("db")
                  + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                  + "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
      registry.add("spring.datasource.username", () -> "sa");
      registry.add("spring.datasource.password", () -> "");
    }
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired TenantService tenants;
  @Autowired MessageSource messages;
  @Autowired Times times;

  /** One timed read: rows, bytes, seconds and the digest of what was read. */
  record Read(long rows, long bytes, double seconds, String sha256) {
    double rowsPerSecond() {
      return rows / seconds;
    }
  }

  @Test
  void fullExportsStreamAtTheRateOfAPlainRead() throws Exception {
    long tenant = tenants.findByName("Acme").orElseThrow().id();
    long account =
        jdbc.queryForObject(
            "select min(id) from gateway_account where tenant_id = ?", Long.class, tenant);
    fill(tenant, account);
    long reports =
        jdbc.queryForObject(
            "select count(*) from status_report where tenant_id = ?", Long.class, tenant);
    long replies =
        jdbc.queryForObject("select count(*) from reply where tenant_id = ?", Long.class, tenant);
    PortalHttpClient acme = new PortalHttpClient(port).logIn("acme", Logins.DEMO_PASSWORD);
    String database = jdbc.execute((Connection c) -> c.getMetaData().getURL());

    List<String> out = new ArrayList<>();
    out.add(
        String.format(
            Locale.ROOT,
            "ReceiptsExportBenchmark on %s: %,d reports, %,d replies of Acme, max heap %d MB",
            database.replaceAll("[?;].*", ""),
            reports,
            replies,
            Runtime.getRuntime().maxMemory() >> 20));
    out.add(measure(acme, "receipts", "/receipts/export?lang=en", reports, this::receiptsBaseline));
    out.add(measure(acme, "replies", "/replies/export?lang=en", replies, this::repliesBaseline));
    System.out.println(String.join(System.lineSeparator(), out));
  }

  /** A baseline: the rows of a tenant written as CSV to a stream. */
  @FunctionalInterface
  interface Baseline {
    long write(long tenant, OutputStream out) throws Exception;
  }

  private String measure(
      PortalHttpClient client, String what, String path, long expected, Baseline baseline)
      throws Exception {
    long tenant = tenants.findByName("Acme").orElseThrow().id();
    // Warm-up of both, kept in files to compare when the bytes differ; then the runs interleaved
    // so that the machine's load falls on both alike.
    java.nio.file.Path dir = java.nio.file.Files.createDirectories(WORK);
    client.download(path, dir.resolve(what + "-export.csv"));
    try (OutputStream file =
        java.nio.file.Files.newOutputStream(dir.resolve(what + "-plain.csv"))) {
      baseline.write(tenant, file);
    }
    List<Read> exports = new ArrayList<>();
    List<Read> plains = new ArrayList<>();
    HeapWatch heap = new HeapWatch(5);
    for (int run = 0; run < RUNS; run++) {
      exports.add(read(client, path));
      plains.add(plain(tenant, baseline));
    }
    heap.stop();
    for (int i = 0; i < RUNS; i++) {
      assertThat(exports.get(i).rows()).as(what + " rows exported").isEqualTo(expected);
      assertThat(exports.get(i).sha256())
          .as(what + ": the export's bytes are the plain read's (see " + dir + ")")
          .isEqualTo(plains.get(i).sha256());
    }
    double best = exports.stream().mapToDouble(Read::rowsPerSecond).max().orElseThrow();
    double worst = exports.stream().mapToDouble(Read::rowsPerSecond).min().orElseThrow();
    double plainBest = plains.stream().mapToDouble(Read::rowsPerSecond).max().orElseThrow();
    return String.format(
        Locale.ROOT,
        "  %-8s %,d rows, %.1f MB: export %,.0f rows/s (worst %,.0f), plain JDBC %,.0f rows/s,"
            + " ratio %.2f; heap sampled peak %d MB during the %d exports and plain reads",
        what,
        expected,
        exports.get(0).bytes() / 1e6,
        best,
        worst,
        plainBest,
        best / plainBest,
        heap.sampledPeak.get() >> 20,
        RUNS);
  }

  /** Reads an export to its end, counting its rows (lines after the header) and hashing it. */
  private static Read read(PortalHttpClient client, String path) throws Exception {
    long started = System.nanoTime();
    HttpResponse<InputStream> response = client.stream(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    long lines = 0;
    long bytes = 0;
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = response.body()) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha.update(buffer, 0, n);
        bytes += n;
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            lines++;
          }
        }
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    return new Read(lines - 1, bytes, seconds, HexFormat.of().formatHex(sha.digest()));
  }

  private Read plain(long tenant, Baseline baseline) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    CountingNull sink = new CountingNull();
    long started = System.nanoTime();
    long rows;
    try (DigestOutputStream out = new DigestOutputStream(sink, sha)) {
      rows = baseline.write(tenant, out);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    return new Read(rows, sink.bytes, seconds, HexFormat.of().formatHex(sha.digest()));
  }

  private long receiptsBaseline(long tenant, OutputStream out) throws Exception {
    String delivered = label("receipts.status.delivered");
    String failed = label("receipts.status.failed");
    return csv(
        out,
        List.of(
            "export.col.receivedAt",
            "export.col.mobile",
            "export.col.taskId",
            "export.col.status",
            "export.col.carrierCode",
            "export.col.extno",
            "export.col.jobId",
            "export.col.fetchedAt"),
        "select received_at, mobile, task_id, status, error_code, extno, job_id, fetched_at"
            + " from status_report where tenant_id = ? order by received_at desc, id desc",
        tenant,
        (rs, csv) -> {
          int status = rs.getInt(4);
          long job = rs.getLong(7);
          boolean jobNull = rs.wasNull();
          csv.printRecord(
              time(rs, 1),
              defused(rs.getString(2)),
              defused(rs.getString(3)),
              status == 10
                  ? delivered
                  : status == 20 ? failed : label("receipts.status.other", status),
              defused(rs.getString(5)),
              defused(rs.getString(6)),
              jobNull ? "" : Long.toString(job),
              time(rs, 8));
        });
  }

  private long repliesBaseline(long tenant, OutputStream out) throws Exception {
    String yes = label("export.value.yes");
    String no = label("export.value.no");
    return csv(
        out,
        List.of(
            "export.col.receivedAt",
            "export.col.mobile",
            "export.col.content",
            "export.col.extno",
            "export.col.jobId",
            "export.col.optOut"),
        "select received_at, mobile, content, extno, job_id, opt_out"
            + " from reply where tenant_id = ? order by received_at desc, id desc",
        tenant,
        (rs, csv) -> {
          long job = rs.getLong(5);
          boolean jobNull = rs.wasNull();
          csv.printRecord(
              time(rs, 1),
              defused(rs.getString(2)),
              defused(rs.getString(3)),
              defused(rs.getString(4)),
              jobNull ? "" : Long.toString(job),
              rs.getBoolean(6) ? yes : no);
        });
  }

  @FunctionalInterface
  interface RowWriter {
    void write(ResultSet rs, CSVPrinter csv) throws Exception;
  }

  /** One query, streamed (MySQL: row by row; H2: its default fetch), written as the export. */
  private long csv(OutputStream out, List<String> header, String sql, long tenant, RowWriter row)
      throws Exception {
    out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    CSVPrinter csv =
        new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.RFC4180);
    csv.printRecord(header.stream().map(k -> label(k)).toList());
    long rows = 0;
    try (Connection c = dataSource.getConnection();
        PreparedStatement statement =
            c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
      boolean h2 = c.getMetaData().getURL().startsWith("jdbc:h2:");
      statement.setFetchSize(h2 ? 5_000 : Integer.MIN_VALUE);
      statement.setLong(1, tenant);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          row.write(rs, csv);
          rows++;
        }
      }
    }
    csv.flush();
    return rows;
  }

  private String time(ResultSet rs, int column) throws Exception {
    LocalDateTime utc = rs.getObject(column, LocalDateTime.class);
    return utc == null ? "" : times.format(utc.toInstant(ZoneOffset.UTC));
  }

  private static String defused(String text) {
    if (text == null) {
      return "";
    }
    return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
  }

  private String label(String key, Object... args) {
    return messages.getMessage(key, args, key, Locale.ENGLISH);
  }

  /** The tenant's reports and replies, unless a previous run left as many over the same span. */
  private void fill(long tenant, long account) {
    BenchRows rows = new BenchRows(jdbc);
    LocalDateTime newest = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
    if (!filled("status_report", tenant)) {
      jdbc.update("delete from status_report where tenant_id = ?", tenant);
      System.out.printf(
          "ReceiptsExportBenchmark: %,d reports stored in %d s%n",
          ROWS, rows.reports(tenant, account, ROWS, newest, SPAN));
    }
    if (!filled("reply", tenant)) {
      jdbc.update("delete from reply where tenant_id = ?", tenant);
      System.out.printf(
          "ReceiptsExportBenchmark: %,d replies stored in %d s%n",
          ROWS, rows.replies(tenant, account, ROWS, newest, SPAN));
    }
  }

  private boolean filled(String table, long tenant) {
    return jdbc.queryForObject(
        "select count(*) = ? and timestampdiff(SECOND, min(received_at), max(received_at))"
            + " between ? and ? from "
            + table
            + " where tenant_id = ?",
        Boolean.class,
        ROWS,
        SPAN - SPAN / 100 - 1,
        SPAN,
        tenant);
  }

  /** Counts what is written and keeps none of it. */
  private static final class CountingNull extends OutputStream {
    long bytes;

    @Override
    public void write(int b) {
      bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      bytes += len;
    }
  }
}
