package com.smsportal.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.smsportal.DatabaseDependent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Benchmark (issue 27 point 4), MariaDB only ({@code -Pci}; an embedded H2 file belongs to one
 * process, so three nodes cannot share it): what work costs, on one node and on three. The built
 * jar as shipped, through {@link ClusterChaosRun} with no kills: acme's 8 accounts on the stand-in
 * gateway, a job of 100,000 numbers over them and the drain of their reports; then 100,000 more
 * reports of tasks the portal does not know (report ingest alone). Before the job the nodes idle
 * for 20 s: their CPU then is the idle baseline, reported apart.
 *
 * <p>For each phase: the summed CPU seconds of the portal processes ({@code utime + stime} from
 * {@code /proc/<pid>/stat}), the wall time, and the database's own counters for the portal's
 * database user ({@code information_schema.USER_STATISTICS}: commands, that is round trips, by
 * kind; the server's CPU seconds for them) and per table the rows read and changed ({@code
 * TABLE_STATISTICS} of the run's schema). These need {@code userstat=ON} and a database user of the
 * benchmark's own (the counters are per user, and other users share the server); once, as root:
 * {@code SET GLOBAL userstat=ON; CREATE USER smsportal_cost IDENTIFIED BY 'smsportal_cost'; GRANT
 * ALL ON `smsportal\_%`.* TO smsportal_cost; GRANT PROCESS ON *.* TO smsportal_cost}. Without them
 * the SQL figures are left out. The benchmark's own queries (one a second while it waits) are
 * counted too: a few hundred against millions.
 *
 * <p>Run: {@code ./mvnw -B verify -Pci -Dit.mariadb.username=smsportal_cost
 * -Dit.mariadb.password=smsportal_cost -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=ClusterCostBenchmark}; {@code -Dbench.numbers} (100000), {@code -Dbench.reports}
 * (100000), {@code -Dbench.idle-seconds} (20), {@code -Dbench.warmup-numbers} (8000), {@code
 * -Dbench.jfr} (a JFR profile per node). Data and logs in {@code target/cluster-cost-benchmark/}.
 */
@DatabaseDependent("several nodes' processes share one MariaDB database; MariaDB's own counters")
class ClusterCostBenchmark {

  private static final int NUMBERS = Integer.getInteger("bench.numbers", 100_000);
  private static final int REPORTS = Integer.getInteger("bench.reports", 100_000);
  private static final int IDLE = Integer.getInteger("bench.idle-seconds", 20);
  private static final int WARMUP = Integer.getInteger("bench.warmup-numbers", 8_000);
  private static final int ACCOUNTS = 8;

  @Test
  void theSameWorkOnOneNodeAndOnThree() throws Exception {
    assumeTrue("mariadb".equals(System.getProperty("it.database")), "several nodes need MariaDB");
    Path work =
        Files.createDirectories(Path.of("target", "cluster-cost-benchmark").toAbsolutePath());
    List<Cost> runs = new ArrayList<>();
    for (int nodes : List.of(1, 3)) {
      runs.add(run(work.resolve(nodes + "-node"), nodes));
      // Each run's figures as soon as it ends: a later run that fails keeps them.
      System.out.println(CostTable.of(runs, NUMBERS, REPORTS, IDLE));
    }
    for (Cost run : runs) {
      assertThat(run.figures().numbersReceived())
          .as("numbers the gateway got")
          .isEqualTo(NUMBERS + (WARMUP / ACCOUNTS) * ACCOUNTS);
      assertThat(run.figures().numbersReceivedTwice()).as("numbers got twice").isZero();
      assertThat(run.figures().reportsStoredTwice()).as("reports stored twice").isZero();
    }
  }

  /** One run's phases: idle, the job with its reports, reports alone. */
  record Cost(
      int nodes,
      Snapshot.Delta warmup,
      Snapshot.Delta idle,
      Snapshot.Delta job,
      Snapshot.Delta reports,
      ClusterChaosRun.Figures figures) {}

  private static Cost run(Path work, int nodes) throws Exception {
    List<String> portal = List.of("--smsportal.sending.submits-per-second=50");
    // -Dbench.jfr: each node records a JFR profile, dumped into the run's directory at the end
    // (the nodes are killed then, which writes no recording by itself).
    boolean jfr = Boolean.getBoolean("bench.jfr");
    List<String> jvm = jfr ? List.of("-XX:StartFlightRecording=settings=profile") : List.of();
    try (ClusterChaosRun run = new ClusterChaosRun(work, "cost" + nodes, nodes, jvm, portal)) {
      run.start();
      List<Long> accounts = run.createAccounts(ACCOUNTS, 1000);
      // Warm-up: a small job with its reports first, so that the JIT's work on the send and ingest
      // paths is not counted in the idle baseline nor in the job; its CPU is reported apart.
      Snapshot started = Snapshot.take(run);
      int warm = WARMUP / accounts.size();
      for (int i = 0; i < accounts.size(); i++) {
        run.send(accounts.get(i), NUMBERS + i * warm, warm);
      }
      run.awaitFinished(Duration.ofMinutes(20));
      Thread.sleep(5000); // let the last poll rounds and compilations settle before the idle window
      Snapshot before = Snapshot.take(run);
      Thread.sleep(IDLE * 1000L); // a wall-time window, not a wait for something
      Snapshot idle = Snapshot.take(run);
      int each = NUMBERS / accounts.size();
      for (int i = 0; i < accounts.size(); i++) {
        run.send(accounts.get(i), i * each, each);
      }
      run.awaitFinished(Duration.ofMinutes(40));
      Snapshot job = Snapshot.take(run);
      long stored = run.database().count("select count(*) from status_report");
      for (int i = 1; i <= ACCOUNTS; i++) {
        run.gateway().preloadReports("bench-" + i, REPORTS / ACCOUNTS);
      }
      await("the preloaded reports stored")
          .atMost(Duration.ofMinutes(30))
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () ->
                  run.database().count("select count(*) from status_report")
                      >= stored + (REPORTS / ACCOUNTS) * ACCOUNTS);
      Snapshot reports = Snapshot.take(run);
      if (jfr) {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        for (long pid : run.pids()) {
          String file = "filename=" + work.resolve("node-" + pid + ".jfr");
          new ProcessBuilder(jcmd, Long.toString(pid), "JFR.dump", file)
              .inheritIO()
              .start()
              .waitFor();
        }
      }
      return new Cost(
          nodes,
          before.minus(started),
          idle.minus(before),
          job.minus(idle),
          reports.minus(job),
          run.figures());
    }
  }

  /** CPU of the nodes, the database user's counters and the schema's table rows at a moment. */
  record Snapshot(long nanos, double cpuSeconds, Map<String, Long> user, Map<String, Long> rows) {

    private static final List<String> COUNTERS =
        List.of(
            "SELECT_COMMANDS",
            "UPDATE_COMMANDS",
            "OTHER_COMMANDS",
            "COMMIT_TRANSACTIONS",
            "ROLLBACK_TRANSACTIONS",
            "ROWS_READ",
            "ROWS_INSERTED",
            "ROWS_UPDATED",
            "ROWS_DELETED");

    static Snapshot take(ClusterChaosRun run) throws Exception {
      double cpu = 0;
      for (long pid : run.pids()) {
        cpu += cpuSeconds(pid);
      }
      Map<String, Long> user = new TreeMap<>();
      Map<String, Long> rows = new TreeMap<>();
      try (Connection db = run.database().connect()) {
        try (var query =
                db.prepareStatement(
                    "select "
                        + String.join(", ", COUNTERS)
                        + ", round(CPU_TIME * 1000), round(BUSY_TIME * 1000)"
                        + " from information_schema.USER_STATISTICS"
                        + " where USER = substring_index(current_user(), '@', 1)");
            ResultSet rs = query.executeQuery()) {
          if (rs.next()) {
            for (int i = 0; i < COUNTERS.size(); i++) {
              user.put(COUNTERS.get(i), rs.getLong(i + 1));
            }
            user.put("DB_CPU_MS", rs.getLong(COUNTERS.size() + 1));
            user.put("DB_BUSY_MS", rs.getLong(COUNTERS.size() + 2));
          }
        } catch (java.sql.SQLException noUserStatistics) {
          // userstat off or no rights: no SQL figures
        }
        try (var query =
                db.prepareStatement(
                    "select TABLE_NAME, ROWS_READ, ROWS_CHANGED from"
                        + " information_schema.TABLE_STATISTICS where TABLE_SCHEMA = database()");
            ResultSet rs = query.executeQuery()) {
          while (rs.next()) {
            rows.put(rs.getString(1) + " read", rs.getLong(2));
            rows.put(rs.getString(1) + " changed", rs.getLong(3));
          }
        } catch (java.sql.SQLException noTableStatistics) {
          // as above
        }
      }
      return new Snapshot(System.nanoTime(), cpu, user, rows);
    }

    /** utime + stime of a process, in seconds (clock ticks of 1/100 s, Linux's USER_HZ). */
    static double cpuSeconds(long pid) throws java.io.IOException {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // The command name may hold spaces: count the fields after its closing parenthesis.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    Delta minus(Snapshot earlier) {
      return new Delta(
          (nanos - earlier.nanos) / 1e9,
          cpuSeconds - earlier.cpuSeconds,
          difference(user, earlier.user),
          difference(rows, earlier.rows));
    }

    private static Map<String, Long> difference(Map<String, Long> now, Map<String, Long> then) {
      Map<String, Long> delta = new TreeMap<>();
      now.forEach((key, value) -> delta.put(key, value - then.getOrDefault(key, 0L)));
      return delta;
    }

    /** What happened between two snapshots. */
    record Delta(
        double wallSeconds, double cpuSeconds, Map<String, Long> user, Map<String, Long> rows) {

      long roundTrips() {
        return user.getOrDefault("SELECT_COMMANDS", 0L)
            + user.getOrDefault("UPDATE_COMMANDS", 0L)
            + user.getOrDefault("OTHER_COMMANDS", 0L);
      }
    }
  }
}
