package com.smsportal.crash;

import com.smsportal.crash.ClusterCostBenchmark.Cost;
import com.smsportal.crash.ClusterCostBenchmark.Snapshot.Delta;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** {@link ClusterCostBenchmark}'s figures side by side, one column per run. */
final class CostTable {

  private CostTable() {}

  static String of(List<Cost> runs, int numbers, int reports, int idleSeconds) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "%n==== ClusterCostBenchmark on MariaDB: a job of %,d numbers with its reports, then"
                + " %,d reports alone; idle %d s first ====%n",
            numbers, reports, idleSeconds));
    row(out, "", runs, r -> r.nodes() + " node(s)");
    row(out, "warm-up job: wall s", runs, r -> f(r.warmup().wallSeconds()));
    row(out, "warm-up job: portal CPU s", runs, r -> f(r.warmup().cpuSeconds()));
    row(out, "idle: CPU s per node and minute", runs, r -> f(perNodeMinute(r)));
    row(
        out,
        "idle: round trips per node and s",
        runs,
        r -> f(r.idle().roundTrips() / r.idle().wallSeconds() / r.nodes()));
    phase(out, "job", runs, Cost::job, numbers, "numbers");
    phase(out, "reports", runs, Cost::reports, reports, "reports");
    row(out, "numbers submitted per second", runs, r -> f(r.figures().numbersPerSecond()));
    row(
        out,
        "accounts' last poll lock, by node",
        runs,
        r -> r.figures().lastPollLockByNode().toString());
    if (runs.size() == 2) {
      Cost one = runs.get(0);
      Cost three = runs.get(1);
      out.append(
          String.format(
              "three nodes / one node, CPU of the job: %.2f (idle baseline included);"
                  + " without the idle baseline: %.2f; CPU of the reports alone: %.2f%n",
              three.job().cpuSeconds() / one.job().cpuSeconds(),
              (three.job().cpuSeconds() - baseline(three, three.job()))
                  / (one.job().cpuSeconds() - baseline(one, one.job())),
              three.reports().cpuSeconds() / one.reports().cpuSeconds()));
    }
    return out.append("====\n").toString();
  }

  private static void phase(
      StringBuilder out,
      String name,
      List<Cost> runs,
      Function<Cost, Delta> of,
      int n,
      String unit) {
    double k = n / 1000.0;
    row(out, name + ": wall s", runs, r -> f(of.apply(r).wallSeconds()));
    row(out, name + ": portal CPU s", runs, r -> f(of.apply(r).cpuSeconds()));
    row(out, name + ": of it idle baseline, CPU s", runs, r -> f(baseline(r, of.apply(r))));
    row(
        out,
        name + ": portal CPU ms per 1,000 " + unit,
        runs,
        r -> f(of.apply(r).cpuSeconds() * 1000 / k));
    row(out, name + ": round trips per 1,000 " + unit, runs, r -> f(of.apply(r).roundTrips() / k));
    for (String counter :
        List.of("SELECT_COMMANDS", "UPDATE_COMMANDS", "OTHER_COMMANDS", "COMMIT_TRANSACTIONS")) {
      row(
          out,
          name + ":  " + counter + " /1,000",
          runs,
          r -> f(of.apply(r).user().getOrDefault(counter, 0L) / k));
    }
    row(
        out,
        name + ": DB CPU ms per 1,000 " + unit,
        runs,
        r -> f(of.apply(r).user().getOrDefault("DB_CPU_MS", 0L) / k));
    row(
        out,
        name + ": DB busy ms per 1,000 " + unit,
        runs,
        r -> f(of.apply(r).user().getOrDefault("DB_BUSY_MS", 0L) / k));
    row(
        out,
        name + ": round trips per DB busy s",
        runs,
        r ->
            f(
                of.apply(r).roundTrips()
                    * 1000.0
                    / Math.max(1, of.apply(r).user().getOrDefault("DB_BUSY_MS", 0L))));
    row(out, name + ": top tables, rows per 1,000 " + unit, runs, r -> top(of.apply(r).rows(), k));
  }

  /** The idle CPU of the run's nodes over a phase's wall time. */
  private static double baseline(Cost run, Delta phase) {
    return run.idle().cpuSeconds() / run.idle().wallSeconds() * phase.wallSeconds();
  }

  private static double perNodeMinute(Cost run) {
    return run.idle().cpuSeconds() / run.idle().wallSeconds() * 60 / run.nodes();
  }

  private static String top(Map<String, Long> rows, double k) {
    return rows.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .limit(4)
        .map(e -> e.getKey() + " " + Math.round(e.getValue() / k))
        .reduce((a, b) -> a + ", " + b)
        .orElse("-");
  }

  private static String f(double value) {
    return String.format("%,.1f", value);
  }

  private static void row(
      StringBuilder out, String label, List<Cost> runs, Function<Cost, String> cell) {
    out.append(String.format("%-44s", label));
    for (Cost run : runs) {
      out.append(String.format("%-40s", cell.apply(run)));
    }
    out.append('\n');
  }
}
