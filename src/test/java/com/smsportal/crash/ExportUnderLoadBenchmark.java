package com.smsportal.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.DatabaseDependent;
import com.smsportal.PortalDatabase;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Benchmark (issue 27, point 6): the built jar drains 200,000 status reports handed out at once
 * while signed-in users read the receipts and replies exports over and over, cancel downloads half
 * way, and read list pages ({@link ExportReaders}). Then, on the drained database, full receipts
 * exports are timed. In the same run the same drain without readers is the baseline. Prints each
 * drain's time, the database file's size per stored report (H2) and the export rate (rows/s).
 * Asserts that every report was stored once, that every export read during the drain was complete
 * (it ends on the oldest report, as the last one does) and answered 200, that no page failed, and
 * that the health check is UP at the end.
 *
 * <p>Before issue 27 the first export that outlived Tomcat's 30 s async timeout (or that a reader
 * cancelled) had its thread interrupted by Spring MVC while H2 read the file: the interrupt closed
 * H2's file channel, and from then every statement failed ("Reading from file ... failed", "IO
 * Exception") while the health check said UP. The portal runs with its heap capped ({@code
 * -Dbench.portal-heap}, 384m) so that an export that held its rows in memory would fail here.
 * {@code -Dbench.reports}, {@code -Dbench.quiet=false} (no baseline drain; on H2 only), {@code
 * -Dbench.jfr=true} (a flight recording of each portal, {@code portal.jfr} in its directory). Data
 * and logs stay in {@code target/export-benchmark/<database>/}.
 */
@DatabaseDependent(
    "the drain, the exports' rate and the file's size are the database's; with -Pci on MariaDB too")
class ExportUnderLoadBenchmark {

  private static final int REPORTS = Integer.getInteger("bench.reports", 200_000);
  private static final boolean QUIET =
      Boolean.parseBoolean(System.getProperty("bench.quiet", "true"));
  private static final String HEAP = System.getProperty("bench.portal-heap", "384m");
  private static final boolean JFR = Boolean.getBoolean("bench.jfr");
  private static final Duration TIMEOUT = Duration.ofMinutes(15);
  private static final int TIMED_EXPORTS = 3;

  /** One drain and what was measured on it. */
  record Outcome(
      String database,
      String kind,
      Duration took,
      long stored,
      long storedTwice,
      long fileBytes,
      List<ExportReaders.Export> timed,
      ExportReaders.Seen seen,
      int health) {

    double exportRowsPerSecond() {
      return timed.stream().mapToDouble(ExportReaders.Export::rowsPerSecond).max().orElse(0);
    }
  }

  @Test
  void reportsDrainWhileExportsAndPagesAreRead() throws Exception {
    Path work =
        Files.createDirectories(
            Path.of("target", "export-benchmark", System.getProperty("it.database", "h2"))
                .toAbsolutePath());
    List<Outcome> outcomes = new ArrayList<>();
    outcomes.add(drain(work.resolve("with-exports"), "exports+pages", true));
    if (QUIET && !"mariadb".equals(System.getProperty("it.database"))) { // its file size
      outcomes.add(drain(work.resolve("quiet"), "quiet", false));
    }
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "%n==== ExportUnderLoadBenchmark on %s: %,d reports handed out at once, portal -Xmx%s ===="
                + "%n",
            outcomes.get(0).database(), REPORTS, HEAP));
    for (Outcome o : outcomes) {
      out.append(
          String.format(
              "%-14s drain %7.1f s  stored %,d  file %,.0f bytes/report (%,.1f MB)  exports read %d"
                  + " (cancelled %d), pages %d (failed %d)%n",
              o.kind(),
              o.took().toMillis() / 1e3,
              o.stored(),
              o.fileBytes() / (double) Math.max(1, o.stored()),
              o.fileBytes() / 1e6,
              o.seen() == null ? 0 : o.seen().complete().size(),
              o.seen() == null ? 0 : o.seen().cancelled(),
              o.seen() == null ? 0 : o.seen().pages(),
              o.seen() == null ? 0 : o.seen().pageFailures()));
      for (ExportReaders.Export e : o.timed()) {
        out.append(
            String.format(
                "%-14s full receipts export: %,d rows, %,.1f MB in %.2f s = %,.0f rows/s%n",
                o.kind(), e.rows(), e.bytes() / 1e6, e.millis() / 1e3, e.rowsPerSecond()));
      }
    }
    if (outcomes.size() == 2) {
      out.append(
          String.format(
              "drain time with exports / quiet: %.2f; file size with exports / quiet: %.2f%n",
              outcomes.get(0).took().toMillis() / (double) outcomes.get(1).took().toMillis(),
              outcomes.get(0).fileBytes() / (double) Math.max(1, outcomes.get(1).fileBytes())));
    }
    System.out.println(out.append("===="));

    for (Outcome o : outcomes) {
      assertThat(o.stored()).as(o.kind() + ": reports stored").isEqualTo(REPORTS);
      assertThat(o.storedTwice()).as(o.kind() + ": stored twice").isZero();
      assertThat(o.health()).as(o.kind() + ": health at the end").isEqualTo(200);
      String last = o.timed().get(0).lastLine();
      assertThat(o.timed())
          .as(o.kind() + ": timed exports hold every report")
          .allSatisfy(e -> assertThat(e.rows()).isEqualTo(REPORTS));
      if (o.seen() != null) {
        assertThat(o.seen().failures()).as(o.kind() + ": failed exports").isEmpty();
        assertThat(o.seen().pageFailures()).as(o.kind() + ": failed pages").isZero();
        assertThat(o.seen().complete())
            .as(o.kind() + ": exports read during the drain")
            .isNotEmpty()
            .allSatisfy(
                e ->
                    assertThat(e.rows() == 0 || e.lastLine().equals(last))
                        .as("export of %,d rows ends on the oldest report", e.rows())
                        .isTrue());
      }
    }
  }

  private static Outcome drain(Path work, String kind, boolean readers) throws Exception {
    List<String> jvm = new ArrayList<>(List.of("-Xmx" + HEAP));
    if (JFR) {
      jvm.add(
          "-XX:StartFlightRecording=filename="
              + work.resolve("portal.jfr")
              + ",settings=profile,dumponexit=true");
    }
    try (CrashRun run = new CrashRun(work, readers ? "exportload" : "exportquiet", jvm)) {
      run.gateway().preloadReports("acme", REPORTS);
      run.start();
      ExportReaders.Seen seen = null;
      try (ExportReaders reading = readers ? new ExportReaders(run.portal().port()) : null) {
        run.awaitDrained(TIMEOUT);
        if (reading != null) {
          seen = reading.stop();
        }
      }
      ExportReaders timer = new ExportReaders(run.portal().port(), 0);
      List<ExportReaders.Export> timed = new ArrayList<>();
      Instant until = Instant.now().plus(Duration.ofMinutes(2));
      // The last answer may still be on its way into the database when the gateway is drained.
      ExportReaders.Export full = timer.export("/receipts/export");
      while (full.rows() < REPORTS && Instant.now().isBefore(until)) {
        full = timer.export("/receipts/export");
      }
      timed.add(full);
      Path file = run.dataDir().resolve("smsportal.mv.db"); // its size while the portal runs
      long fileBytes = Files.exists(file) ? Files.size(file) : 0;
      for (int i = 1; i < TIMED_EXPORTS; i++) {
        timed.add(timer.export("/receipts/export"));
      }
      HttpResponse<String> health = run.acme().getJson("/actuator/health");
      run.stop();
      Instant firstPoll = run.gateway().reportPolls("acme").get(0);
      try (Connection db = run.database().connect();
          var query =
              db.prepareStatement(
                  "select max(processed_at) from poll_inbox where kind = 'REPORTS'");
          ResultSet rows = query.executeQuery()) {
        rows.next();
        Instant lastStored = rows.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC);
        long stored =
            PortalDatabase.count(
                db, "select count(*) from (select distinct task_id, mobile from status_report) d");
        long rowsStored = PortalDatabase.count(db, "select count(*) from status_report");
        return new Outcome(
            run.database().name(),
            kind,
            Duration.between(firstPoll, lastStored),
            stored,
            rowsStored - stored,
            fileBytes,
            timed,
            seen,
            health.statusCode());
      }
    }
  }
}
