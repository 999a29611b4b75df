package com.smsportal.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test of speed: the built jar on the build's database (its H2 file; MariaDB
 * through the shipped {@code mysql} profile with {@code -Pci}) sends a job of 100,000 numbers that
 * the demo customer posts, in chunks of 1,000 at the default 5 submits per second, to a stand-in
 * gateway that counts every number it gets and hands out one report per number; the portal drains
 * the reports. Once undisturbed, once killed with {@code kill -9} 20 times at random moments (up
 * for half a second to eight seconds each time) and started again. Prints both runs side by side
 * and asserts what must hold whatever the kills hit: no number sent twice, no report lost once the
 * portal stored it and none stored twice, every report stored when nothing is killed, and every
 * account polled again within a minute of each kill.
 *
 * <p>A report can still be lost, by the gateway's protocol: it forgets what it hands out as it
 * answers, so an answer on its way (sent, not yet committed by the portal) when the portal dies is
 * gone. The run counts such reports apart, with how long before the kill their answer was handed
 * out; the portal's part is to keep that window short (the answer is committed before it is read).
 *
 * <p>The portals' data and logs stay in {@code target/crash-benchmark/<database>/<seed>}. Run:
 * {@code ./mvnw -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=CrashBenchmark} (add {@code -Pci} for MariaDB too). {@code -Dbench.numbers}, {@code
 * -Dbench.kills} and {@code -Dbench.seed} change the size and the moments.
 */
class CrashBenchmark {

  private static final int NUMBERS = Integer.getInteger("bench.numbers", 100_000);
  private static final int KILLS = Integer.getInteger("bench.kills", 20);
  private static final Duration LONGEST_UP = Duration.ofSeconds(8);
  private static final Duration TIMEOUT = Duration.ofMinutes(40);
  private static final Duration MINUTE = Duration.ofMinutes(1);

  @Test
  void aJobOf100000NumbersKilled20Times() throws Exception {
    long seed = Long.getLong("bench.seed", System.nanoTime());
    // Kept for a look at the portals' logs afterwards.
    Path work =
        Files.createDirectories(
            Path.of("target", "crash-benchmark", System.getProperty("it.database", "h2"), "" + seed)
                .toAbsolutePath());
    CrashRun.Figures calm;
    try (CrashRun run = new CrashRun(work.resolve("undisturbed"), "bench")) {
      calm = run.sendThroughKills(NUMBERS, 0, new Random(seed), LONGEST_UP, TIMEOUT);
    }
    CrashRun.Figures killed;
    try (CrashRun run = new CrashRun(work.resolve("killed"), "bench")) {
      killed = run.sendThroughKills(NUMBERS, KILLS, new Random(seed), LONGEST_UP, TIMEOUT);
    }
    System.out.println(table("CrashBenchmark", seed, calm, killed));

    for (CrashRun.Figures run : new CrashRun.Figures[] {calm, killed}) {
      assertThat(run.numbersReceivedTwice()).as("numbers the gateway got twice").isZero();
      assertThat(run.reportsLostAfterStored()).as("reports lost once stored").isZero();
      assertThat(run.reportsStoredTwice()).as("reports stored twice").isZero();
    }
    assertThat(calm.reportsLost()).as("reports lost without a kill").isZero();
    assertThat(calm.chunksIn("SUBMITTED")).isEqualTo(NUMBERS / 1000);
    assertThat(killed.longestPollGap()).as("longest time without a poll").isLessThan(MINUTE);
  }

  /** The runs' figures side by side. */
  static String table(String title, long seed, CrashRun.Figures... runs) {
    StringBuilder out = new StringBuilder();
    out.append("\n==== ").append(title).append(" on ").append(runs[0].database());
    out.append(" (seed ").append(seed).append(") ====\n");
    row(out, "", runs, r -> r.kills() == 0 ? "undisturbed" : r.kills() + " kills");
    row(out, "job", runs, r -> r.numbers() + " numbers");
    row(out, "time to finish (POST to drained)", runs, r -> seconds(r.finished()));
    row(out, "numbers received twice", runs, r -> Long.toString(r.numbersReceivedTwice()));
    row(out, "numbers received", runs, r -> Long.toString(r.numbersReceived()));
    row(out, "chunks SUBMITTED", runs, r -> Long.toString(r.chunksIn("SUBMITTED")));
    row(
        out,
        "chunks UNKNOWN (reached the gateway)",
        runs,
        r -> r.chunksIn("UNKNOWN") + " (" + r.unknownChunksThatReachedTheGateway() + ")");
    row(out, "chunks otherwise", runs, r -> otherChunks(r));
    row(out, "reports handed out", runs, r -> Long.toString(r.reportsHandedOut()));
    row(out, "reports stored", runs, r -> Long.toString(r.reportsStored()));
    row(out, "reports lost once stored", runs, r -> Long.toString(r.reportsLostAfterStored()));
    row(out, "reports lost in flight at a kill", runs, r -> Long.toString(r.reportsLostInFlight()));
    row(
        out,
        "  their answers, handed out before the kill",
        runs,
        r ->
            r.lostAnswersHandedOutBeforeTheKill().isEmpty()
                ? "-"
                : r.lostAnswersHandedOutBeforeTheKill().stream()
                    .map(d -> d.toMillis() + " ms")
                    .collect(java.util.stream.Collectors.joining(", ")));
    row(out, "reports stored twice", runs, r -> Long.toString(r.reportsStoredTwice()));
    row(out, "longest gap without a poll (kill)", runs, r -> afterKills(r, r.longestPollGap()));
    row(out, "longest restart (kill to up)", runs, r -> afterKills(r, r.longestRestart()));
    row(
        out,
        "longest wait for a poll once up",
        runs,
        r -> afterKills(r, r.longestWaitAfterRestart()));
    return out.append("====\n").toString();
  }

  private interface Cell {
    String of(CrashRun.Figures run);
  }

  private static void row(StringBuilder out, String label, CrashRun.Figures[] runs, Cell cell) {
    out.append(String.format("%-44s", label));
    for (CrashRun.Figures run : runs) {
      out.append(String.format("%-22s", cell.of(run)));
    }
    out.append('\n');
  }

  private static String otherChunks(CrashRun.Figures run) {
    StringBuilder other = new StringBuilder();
    run.chunks()
        .forEach(
            (state, count) -> {
              if (!state.equals("SUBMITTED") && !state.equals("UNKNOWN")) {
                other.append(state).append(' ').append(count).append(' ');
              }
            });
    return other.isEmpty() ? "none" : other.toString().strip();
  }

  private static String afterKills(CrashRun.Figures run, Duration duration) {
    return run.kills() == 0 ? "-" : seconds(duration);
  }

  private static String seconds(Duration duration) {
    return duration == null ? "-" : String.format("%.1f s", duration.toMillis() / 1e3);
  }
}
