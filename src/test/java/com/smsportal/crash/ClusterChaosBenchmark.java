package com.smsportal.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test of speed (MariaDB only, with {@code -Pci}: several processes share one
 * database): the built jar as three portal nodes on one database, a job of 100,000 numbers spread
 * over several gateway accounts of the stand-in gateway, and the drain of its 100,000 reports,
 * while a random node is killed with {@code kill -9} every 5 to 10 s (20 times) and started again.
 * The same job also runs on one node and on three nodes undisturbed, to compare the numbers
 * submitted per second (the per-account rate is raised so that it is not the bottleneck). Prints
 * the runs side by side and asserts what must hold whatever the kills hit: no number sent twice,
 * every UNKNOWN chunk truly in doubt (its node was killed after its call began), no report stored
 * twice.
 *
 * <p>Run: {@code ./mvnw -B verify -Pci -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=ClusterChaosBenchmark}. {@code -Dbench.numbers} (100000), {@code -Dbench.accounts} (8),
 * {@code -Dbench.chunk} (1000), {@code -Dbench.kills} (20), {@code -Dbench.rate} (submits per
 * second and account, 50), {@code -Dbench.calm=false} (skip the undisturbed runs) and {@code
 * -Dbench.seed} change it. The nodes' data and logs stay in {@code
 * target/cluster-chaos-benchmark/<seed>}.
 */
class ClusterChaosBenchmark {

  @Test
  void threeNodesKilledAtRandomSendOnceAndLoseNoStoredReport() throws Exception {
    assumeTrue("mariadb".equals(System.getProperty("it.database")), "several nodes need MariaDB");
    Settings settings = Settings.fromSystemProperties(100_000, 8, 1000, 20, 50);
    Path work =
        Files.createDirectories(
            Path.of("target", "cluster-chaos-benchmark", "" + settings.seed()).toAbsolutePath());
    List<ClusterChaosRun.Figures> runs = new ArrayList<>();
    if (Boolean.parseBoolean(System.getProperty("bench.calm", "true"))) {
      runs.add(run(work.resolve("one-node"), 1, 0, settings, List.of()));
      runs.add(run(work.resolve("three-nodes"), 3, 0, settings, List.of()));
    }
    runs.add(run(work.resolve("three-nodes-killed"), 3, settings.kills(), settings, List.of()));
    System.out.println(table("ClusterChaosBenchmark", settings, runs));
    for (ClusterChaosRun.Figures run : runs) {
      assertThat(run.numbersReceivedTwice()).as("numbers the gateway got twice").isZero();
      assertThat(run.unknownChunksNotInDoubt()).as("UNKNOWN chunks not in doubt").isZero();
      assertThat(run.reportsStoredTwice()).as("reports stored twice").isZero();
    }
  }

  /** A run's size and moments, from system properties. */
  record Settings(int numbers, int accounts, int chunk, int kills, int rate, long seed) {
    static Settings fromSystemProperties(
        int numbers, int accounts, int chunk, int kills, int rate) {
      return new Settings(
          Integer.getInteger("bench.numbers", numbers),
          Integer.getInteger("bench.accounts", accounts),
          Integer.getInteger("bench.chunk", chunk),
          Integer.getInteger("bench.kills", kills),
          Integer.getInteger("bench.rate", rate),
          Long.getLong("bench.seed", System.nanoTime()));
    }
  }

  /**
   * One run: {@code nodes} nodes with these JVM options, the job spread over the accounts, {@code
   * kills} kills.
   */
  static ClusterChaosRun.Figures run(
      Path work, int nodes, int kills, Settings settings, List<String> jvmOptions)
      throws Exception {
    List<String> portal =
        List.of(
            "--smsportal.sending.submits-per-second=" + settings.rate(),
            "--smsportal.poller.every=PT2S",
            "--smsportal.node.heartbeat-every=PT1S",
            "--smsportal.node.dead-after=PT5S");
    try (ClusterChaosRun run = new ClusterChaosRun(work, "chaos", nodes, jvmOptions, portal)) {
      run.start();
      List<Long> accounts = run.createAccounts(settings.accounts(), settings.chunk());
      int each = settings.numbers() / accounts.size();
      for (int i = 0; i < accounts.size(); i++) {
        run.send(accounts.get(i), i * each, each);
      }
      run.watchPages();
      run.chaos(kills, new Random(settings.seed()));
      run.awaitFinished(Duration.ofMinutes(40));
      return run.figures();
    }
  }

  /** The runs' figures side by side. */
  static String table(String title, Settings settings, List<ClusterChaosRun.Figures> runs) {
    StringBuilder out = new StringBuilder();
    out.append("\n==== ").append(title).append(" on MariaDB (seed ").append(settings.seed());
    out.append(", ").append(settings.accounts()).append(" accounts, chunks of ");
    out.append(settings.chunk()).append(", ").append(settings.rate());
    out.append(" submits/s per account) ====\n");
    row(out, "", runs, r -> r.nodes() + " node(s), " + r.kills() + " kills");
    row(out, "numbers in the jobs", runs, r -> Long.toString(r.numbers()));
    row(out, "numbers received", runs, r -> Long.toString(r.numbersReceived()));
    row(out, "numbers received twice", runs, r -> Long.toString(r.numbersReceivedTwice()));
    row(out, "chunks per state", runs, r -> r.chunks().toString());
    row(
        out,
        "chunks UNKNOWN (reached gateway)",
        runs,
        r -> r.chunksIn("UNKNOWN") + " (" + r.unknownChunksThatReachedTheGateway() + ")");
    row(out, "UNKNOWN not in doubt", runs, r -> Long.toString(r.unknownChunksNotInDoubt()));
    row(out, "reports handed out", runs, r -> Long.toString(r.reportsHandedOut()));
    row(out, "reports stored", runs, r -> Long.toString(r.reportsStored()));
    row(out, "reports lost (handed out, not stored)", runs, r -> Long.toString(r.reportsLost()));
    row(out, "reports stored twice", runs, r -> Long.toString(r.reportsStoredTwice()));
    row(
        out,
        "numbers submitted per second",
        runs,
        r -> String.format("%.0f", r.numbersPerSecond()));
    row(
        out,
        "pages through HAProxy: answers (failed)",
        runs,
        r -> r.pages() == null ? "-" : r.pages().answers() + " (" + r.pages().failures() + ")");
    row(
        out,
        "page time p50 / p99 / max, ms",
        runs,
        r ->
            r.pages() == null
                ? "-"
                : r.pages().p50Millis()
                    + " / "
                    + r.pages().p99Millis()
                    + " / "
                    + r.pages().maxMillis());
    row(
        out,
        "page failures by kind",
        runs,
        r -> r.pages() == null ? "-" : r.pages().failuresByKind().toString());
    row(out, "accounts' last poll lock, by node", runs, r -> r.lastPollLockByNode().toString());
    if (runs.size() >= 2 && runs.get(0).numbersPerSecond() > 0) {
      out.append(
          String.format(
              "three nodes vs one, undisturbed: %.2fx%n",
              runs.get(1).numbersPerSecond() / runs.get(0).numbersPerSecond()));
    }
    return out.append("====\n").toString();
  }

  private interface Cell {
    String of(ClusterChaosRun.Figures run);
  }

  private static void row(
      StringBuilder out, String label, List<ClusterChaosRun.Figures> runs, Cell cell) {
    out.append(String.format("%-40s", label));
    for (ClusterChaosRun.Figures run : runs) {
      out.append(String.format("%-34s", cell.of(run)));
    }
    out.append('\n');
  }
}
