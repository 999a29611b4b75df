package com.smsportal.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.PortalDatabase;
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
 * Benchmark: how fast the built jar drains a deep queue. The stand-in gateway holds 200,000 status
 * reports for the demo account acme (no job: the portal stores reports of tasks it does not know);
 * the portal, as shipped, on the build's database (its H2 file; MariaDB with {@code -Pci}), drains
 * them. Prints the time from the first report poll to the last report stored (the last answer's
 * {@code poll_inbox.processed_at}, committed with its reports) and reports per second; asserts only
 * that every report is stored once.
 *
 * <p>{@code -Dbench.baseline-jar=/path/to/other.jar} runs the same drain with another build's jar
 * in the same run (after this build's, on a fresh database of its own), and prints both figures and
 * their ratio: to compare a change with the build before it. {@code -Dbench.rounds=N} repeats the
 * pair, the order alternating; {@code -Dbench.reports}; {@code -Dbench.slow=true} sends each answer
 * slowly (4,000 reports over 3 s, as {@link SlowAnswerCrashBenchmark}), where the link is the
 * bound. Data and logs stay in {@code target/drain-benchmark/<database>/}.
 */
class DrainBenchmark {

  private static final int REPORTS = Integer.getInteger("bench.reports", 200_000);
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 1);
  private static final boolean SLOW = Boolean.getBoolean("bench.slow");
  private static final String BASELINE = System.getProperty("bench.baseline-jar", "");
  private static final Duration TIMEOUT = Duration.ofMinutes(30);

  /** One drain: from the first poll to the last report stored. */
  record Drain(String database, String build, Duration took, long stored, long storedTwice) {

    double perSecond() {
      return stored / (took.toMillis() / 1e3);
    }
  }

  @Test
  void aQueueOf200000ReportsIsDrained() throws Exception {
    Path work =
        Files.createDirectories(
            Path.of("target", "drain-benchmark", System.getProperty("it.database", "h2"))
                .toAbsolutePath());
    Path baseline = BASELINE.isBlank() ? null : Path.of(BASELINE).toAbsolutePath();
    if (baseline != null && !Files.isRegularFile(baseline)) {
      throw new IllegalArgumentException("no jar at bench.baseline-jar=" + baseline);
    }
    List<Drain> ours = new ArrayList<>();
    List<Drain> theirs = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      boolean baselineFirst = round % 2 == 1;
      if (baseline != null && baselineFirst) {
        theirs.add(drain(work.resolve("baseline-" + round), baseline, "baseline"));
      }
      ours.add(drain(work.resolve("this-build-" + round), null, "this build"));
      if (baseline != null && !baselineFirst) {
        theirs.add(drain(work.resolve("baseline-" + round), baseline, "baseline"));
      }
    }

    StringBuilder out = new StringBuilder();
    out.append("\n==== DrainBenchmark on ")
        .append(ours.get(0).database())
        .append(": ")
        .append(String.format("%,d", REPORTS))
        .append(" reports, ")
        .append(SLOW ? "slow answers (4,000 over 3 s)" : "fast answers")
        .append(" ====\n");
    for (List<Drain> drains : List.of(ours, theirs)) {
      for (Drain drain : drains) {
        out.append(
            String.format(
                "%-12s %8.1f s   %,10.0f reports/s   (%,d stored)%n",
                drain.build(), drain.took().toMillis() / 1e3, drain.perSecond(), drain.stored()));
      }
    }
    if (!theirs.isEmpty()) {
      double mine = ours.stream().mapToDouble(Drain::perSecond).average().orElseThrow();
      double base = theirs.stream().mapToDouble(Drain::perSecond).average().orElseThrow();
      out.append(String.format("this build / baseline (reports/s): %.2f%n", mine / base));
      out.append("baseline: ").append(baseline).append('\n');
    }
    System.out.println(out.append("===="));

    for (List<Drain> drains : List.of(ours, theirs)) {
      for (Drain drain : drains) {
        assertThat(drain.stored()).as(drain.build() + ": reports stored").isEqualTo(REPORTS);
        assertThat(drain.storedTwice()).as(drain.build() + ": stored twice").isZero();
      }
    }
  }

  private static Drain drain(Path work, Path jar, String build) throws Exception {
    try (CrashRun run = new CrashRun(work, "drain", jar, List.of())) {
      if (SLOW) {
        run.gateway().answerSlowly(4000, Duration.ofSeconds(3));
      }
      run.gateway().preloadReports("acme", REPORTS);
      run.start();
      run.awaitDrained(TIMEOUT);
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
        return new Drain(
            run.database().name(),
            build,
            Duration.between(firstPoll, lastStored),
            stored,
            rowsStored - stored);
      }
    }
  }
}
