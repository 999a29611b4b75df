package com.smsportal.crash;

import com.smsportal.PortalDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run over slow answers left behind, item by item: every report and reply the stand-in
 * gateway handed out, when it was written to the connection, the kill that ended its answer if one
 * did, and how often the database holds it (identity: account, task, mobile). Read after the portal
 * has stopped (an H2 file can be read only then).
 *
 * <p>A lost item is one of three kinds. Not written before the portal died (the connection broke
 * first, or the write went into a dead connection): the gateway's protocol loses it, the portal
 * never saw it. Written in the last {@link #MARGIN} before a kill: it may still have been in the
 * kernel's buffers or the portal's last unflushed bytes. Written earlier than that, or with no kill
 * after it: it had arrived, and the portal lost it.
 */
record SlowAnswerFigures(
    String database,
    int kills,
    Tally reports,
    Tally replies,
    long numbersReceivedTwice,
    long answersNotProcessed,
    long spooledAnswers,
    List<String> losses,
    Duration finished) {

  /** How long before a kill an item must have been written for its loss to be the portal's. */
  static final Duration MARGIN = Duration.ofMillis(100);

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

  /** One kind of item (reports or replies), counted. */
  record Tally(
      long handedOut,
      long stored,
      long neverWritten,
      long writtenBeforeAKill,
      long lostWrittenBeforeAKill,
      long lostWrittenJustBeforeAKill,
      long lostWithoutAKill,
      long storedTwice) {

    /** Lost although written at least {@link #MARGIN} before a kill, or with no kill after. */
    long lostAfterArriving() {
      return lostWrittenBeforeAKill + lostWithoutAKill;
    }
  }

  /** Items lost after arriving, reports and replies together: must be none. */
  long lostAfterArriving() {
    return reports.lostAfterArriving() + replies.lostAfterArriving();
  }

  long storedTwice() {
    return reports.storedTwice() + replies.storedTwice();
  }

  /**
   * Counts what the gateway handed out against what the database holds.
   *
   * @param finished how long the run took, for the table
   */
  static SlowAnswerFigures read(CrashRun run, Duration finished) throws SQLException, IOException {
    StandInGateway gateway = run.gateway();
    List<CrashRun.Kill> kills = run.killMoments();
    List<String> losses = new ArrayList<>();
    Map<String, Integer> storedReports;
    Map<String, Integer> storedReplies;
    long notProcessed;
    try (Connection db = run.database().connect()) {
      storedReports = stored(db, "status_report");
      storedReplies = stored(db, "reply");
      notProcessed =
          PortalDatabase.count(db, "select count(*) from poll_inbox where state = 'NEW'");
    }
    long spooled;
    Path spool = run.dataDir().resolve("spool");
    try (var files =
        Files.exists(spool) ? Files.list(spool) : java.util.stream.Stream.<Path>empty()) {
      spooled = files.count();
    }
    Tally reports = tally("reports", gateway.handouts(), storedReports, kills, losses);
    Tally replies = tally("replies", gateway.replyHandouts(), storedReplies, kills, losses);
    long twice = gateway.received().values().stream().filter(n -> n > 1).count();
    return new SlowAnswerFigures(
        run.database().name(),
        kills.size(),
        reports,
        replies,
        twice,
        notProcessed,
        spooled,
        losses,
        finished);
  }

  /** How often each (account, task, mobile) is in the table. */
  private static Map<String, Integer> stored(Connection db, String table) throws SQLException {
    Map<String, Integer> stored = new HashMap<>();
    try (var query =
            db.prepareStatement(
                "select a.account_name, r.task_id, r.mobile from "
                    + table
                    + " r join gateway_account a on a.id = r.account_id");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        stored.merge(key(rows.getString(1), rows.getString(2), rows.getString(3)), 1, Integer::sum);
      }
    }
    return stored;
  }

  private static String key(String account, String taskId, String mobile) {
    return account + "/" + taskId + "/" + mobile;
  }

  private static Tally tally(
      String kind,
      List<StandInGateway.Handout> handouts,
      Map<String, Integer> stored,
      List<CrashRun.Kill> kills,
      List<String> losses) {
    long handedOut = 0;
    long storedOnce = 0;
    long neverWritten = 0;
    long writtenBeforeAKill = 0;
    long beforeAKill = 0;
    long justBefore = 0;
    long withoutAKill = 0;
    long twice = 0;
    // Per kill: the lost items written long enough before it, and how long before it they were.
    Map<CrashRun.Kill, long[]> lostAt = new LinkedHashMap<>();
    List<String> lostWithoutKill = new ArrayList<>();
    for (StandInGateway.Handout handout : handouts) {
      // The kill that ended this answer's portal: the first one it did not outlive.
      CrashRun.Kill kill =
          kills.stream().filter(k -> k.dead().isAfter(handout.at())).findFirst().orElse(null);
      for (int i = 0; i < handout.reports().size(); i++) {
        StandInGateway.Report item = handout.reports().get(i);
        handedOut++;
        int times = stored.getOrDefault(key(handout.account(), item.taskId(), item.mobile()), 0);
        twice += Math.max(0, times - 1);
        Instant written = handout.writtenAt(i);
        if (written == null || kill != null && written.isAfter(kill.dead())) {
          neverWritten++;
          continue;
        }
        boolean longBefore = kill != null && !written.plus(MARGIN).isAfter(kill.signalled());
        if (longBefore) {
          writtenBeforeAKill++;
        }
        if (times > 0) {
          storedOnce++;
        } else if (kill == null) {
          withoutAKill++;
          if (lostWithoutKill.isEmpty()) {
            lostWithoutKill.add(
                "%s of %s's answer handed out at %s, written, no kill after it"
                    .formatted(kind, handout.account(), TIME.format(handout.at())));
          }
        } else {
          long before = Duration.between(written, kill.signalled()).toMillis();
          if (longBefore) {
            beforeAKill++;
            long[] seen =
                lostAt.computeIfAbsent(kill, k -> new long[] {0, Long.MIN_VALUE, Long.MAX_VALUE});
            seen[0]++;
            seen[1] = Math.max(seen[1], before);
            seen[2] = Math.min(seen[2], before);
          } else {
            justBefore++;
          }
        }
      }
    }
    lostAt.forEach(
        (kill, seen) ->
            losses.add(
                "%,d %s lost at the kill at %s (kill %d of %d), written %,d to %,d ms before it"
                    .formatted(
                        seen[0],
                        kind,
                        TIME.format(kill.signalled()),
                        kills.indexOf(kill) + 1,
                        kills.size(),
                        seen[1],
                        seen[2])));
    if (withoutAKill > 0) {
      losses.add(
          "%,d %s lost with no kill after them (first: %s)"
              .formatted(withoutAKill, kind, lostWithoutKill.get(0)));
    }
    return new Tally(
        handedOut,
        storedOnce,
        neverWritten,
        writtenBeforeAKill,
        beforeAKill,
        justBefore,
        withoutAKill,
        twice);
  }

  /** The figures as a table: reports and replies side by side. */
  String table(String title) {
    StringBuilder out = new StringBuilder();
    out.append("\n==== ").append(title).append(" on ").append(database);
    out.append(" (").append(kills).append(" kills) ====\n");
    row(out, "", "reports", "replies");
    row(out, "handed out", reports.handedOut(), replies.handedOut());
    row(out, "stored", reports.stored(), replies.stored());
    row(
        out,
        "never reached the portal (protocol's loss)",
        reports.neverWritten(),
        replies.neverWritten());
    row(
        out,
        "written >= 100 ms before their portal was killed",
        reports.writtenBeforeAKill(),
        replies.writtenBeforeAKill());
    row(
        out,
        "LOST, written >= 100 ms before a kill (must be 0)",
        reports.lostWrittenBeforeAKill(),
        replies.lostWrittenBeforeAKill());
    row(
        out,
        "lost, written < 100 ms before a kill",
        reports.lostWrittenJustBeforeAKill(),
        replies.lostWrittenJustBeforeAKill());
    row(
        out,
        "LOST, written, no kill after (must be 0)",
        reports.lostWithoutAKill(),
        replies.lostWithoutAKill());
    row(out, "stored twice (must be 0)", reports.storedTwice(), replies.storedTwice());
    row(out, "numbers received twice (must be 0)", numbersReceivedTwice, "");
    row(out, "answers stored raw, not processed, at the end", answersNotProcessed, "");
    row(out, "answers in the spool at the end", spooledAnswers, "");
    row(
        out,
        "time to finish",
        finished == null ? "-" : String.format("%.1f s", finished.toMillis() / 1e3),
        "");
    losses.forEach(loss -> out.append("  ").append(loss).append('\n'));
    return out.append("====\n").toString();
  }

  private static void row(StringBuilder out, String label, Object reports, Object replies) {
    out.append(String.format("%-52s%-14s%s%n", label, reports, replies));
  }
}
