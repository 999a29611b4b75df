package com.smsportal.sending;

import com.smsportal.sending.store.SendDays;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sent numbers one answer's reports are about, read and locked a few hundred at a time, their
 * outcomes decided in memory by the rule one UPDATE per report applied before (issue 27: a number
 * the gateway accepted keeps the outcome of its latest report), then only those that changed
 * written back in multi-row statements, with the day counts they move. A report replayed finds its
 * number already so and writes nothing.
 */
final class ReportedNumbers {

  /** Rows per statement: within MariaDB's packet and H2's parameter limits, few round trips. */
  static final int ROWS = 500;

  private static final Set<String> REPORTABLE =
      Set.of(NumberState.SUBMITTED.name(), NumberState.DELIVERED.name(), NumberState.FAILED.name());

  /** One sent number: as read, and as the reports leave it. */
  private static final class Number {
    final long id;
    final long tenantId;
    final long jobId;
    final long chunkId;
    final String mobile;
    final String stateBefore;
    String state;
    String carrierCode;
    LocalDateTime reportedAt;
    boolean changed;

    Number(
        long id,
        long tenantId,
        long jobId,
        long chunkId,
        String mobile,
        String state,
        String carrierCode,
        LocalDateTime reportedAt) {
      this.id = id;
      this.tenantId = tenantId;
      this.jobId = jobId;
      this.chunkId = chunkId;
      this.mobile = mobile;
      this.stateBefore = state;
      this.state = state;
      this.carrierCode = carrierCode;
      this.reportedAt = reportedAt;
    }
  }

  private record ChunkMobile(long chunkId, String mobile) {}

  private final Map<ChunkMobile, Number> numbers = new LinkedHashMap<>();
  private final Map<Long, SendDays.Key> countedOn;

  private ReportedNumbers(Map<Long, SendDays.Key> countedOn) {
    this.countedOn = countedOn;
  }

  /**
   * Reads and locks these chunks' numbers with these mobiles, a chunk and up to {@link #ROWS}
   * mobiles per statement, chunks in id order (two nodes lock in the same order).
   *
   * @param countedOn the day counts row of each accepted chunk
   */
  static ReportedNumbers read(
      JdbcTemplate jdbc, Map<Long, Set<String>> mobilesOfChunk, Map<Long, SendDays.Key> countedOn) {
    ReportedNumbers read = new ReportedNumbers(countedOn);
    mobilesOfChunk.forEach(
        (chunk, mobiles) -> {
          List<String> all = new ArrayList<>(mobiles);
          for (int from = 0; from < all.size(); from += ROWS) {
            List<String> part = all.subList(from, Math.min(all.size(), from + ROWS));
            Object[] args = new Object[part.size() + 1];
            args[0] = chunk;
            for (int i = 0; i < part.size(); i++) {
              args[i + 1] = part.get(i);
            }
            jdbc.query(
                "select id, tenant_id, job_id, mobile, state, carrier_code, reported_at"
                    + " from send_number where chunk_id = ? and mobile in ("
                    + String.join(", ", Collections.nCopies(part.size(), "?"))
                    + ") for update",
                rs -> {
                  Number number =
                      new Number(
                          rs.getLong(1),
                          rs.getLong(2),
                          rs.getLong(3),
                          chunk,
                          rs.getString(4),
                          rs.getString(5),
                          rs.getString(6),
                          rs.getObject(7, LocalDateTime.class));
                  // A chunk never lists a number twice; were it so, the first row takes reports.
                  read.numbers.putIfAbsent(new ChunkMobile(chunk, number.mobile), number);
                },
                args);
          }
        });
    return read;
  }

  /** What one report tells the number of this chunk it names, if the chunk has that number. */
  void report(long chunkId, DeliveryOutcomes.Outcome outcome) {
    Number number = numbers.get(new ChunkMobile(chunkId, outcome.mobile()));
    // The column keeps microseconds: compare what it will hold.
    LocalDateTime at =
        LocalDateTime.ofInstant(outcome.reportedAt(), ZoneOffset.UTC)
            .truncatedTo(ChronoUnit.MICROS);
    if (number == null
        || !REPORTABLE.contains(number.state)
        || (number.reportedAt != null && number.reportedAt.isAfter(at))) {
      return;
    }
    String state = (outcome.delivered() ? NumberState.DELIVERED : NumberState.FAILED).name();
    number.changed |=
        !state.equals(number.state)
            || !outcome.carrierCode().equals(number.carrierCode)
            || !at.equals(number.reportedAt);
    number.state = state;
    number.carrierCode = outcome.carrierCode();
    number.reportedAt = at;
  }

  /**
   * Writes the numbers whose outcome changed, {@link #ROWS} per statement ({@code MERGE … KEY} on
   * H2, its fastest form; a multi-row upsert by id elsewhere), then moves the day counts.
   */
  void write(JdbcTemplate jdbc, boolean h2, SendDays sendDays) {
    List<Number> changed = numbers.values().stream().filter(n -> n.changed).toList();
    for (int from = 0; from < changed.size(); from += ROWS) {
      List<Number> part = changed.subList(from, Math.min(changed.size(), from + ROWS));
      StringBuilder sql = new StringBuilder();
      List<Object> args = new ArrayList<>(part.size() * 8);
      if (h2) {
        sql.append(
            "merge into send_number (id, state, carrier_code, reported_at) key (id) values ");
        for (Number n : part) {
          sql.append(args.isEmpty() ? "(?, ?, ?, ?)" : ", (?, ?, ?, ?)");
          Collections.addAll(args, n.id, n.state, n.carrierCode, n.reportedAt);
        }
      } else {
        sql.append(
            "insert into send_number (id, tenant_id, job_id, chunk_id, mobile, state,"
                + " carrier_code, reported_at) values ");
        for (Number n : part) {
          sql.append(args.isEmpty() ? "(?, ?, ?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?, ?, ?)");
          Collections.addAll(
              args,
              n.id,
              n.tenantId,
              n.jobId,
              n.chunkId,
              n.mobile,
              n.state,
              n.carrierCode,
              n.reportedAt);
        }
        sql.append(
            " on duplicate key update state = values(state),"
                + " carrier_code = values(carrier_code), reported_at = values(reported_at)");
      }
      jdbc.update(sql.toString(), args.toArray());
    }
    sendDays.add(dayChanges(changed));
  }

  /** Delivered and failed move with each number whose outcome changed, on its chunk's day. */
  private List<SendDays.Change> dayChanges(List<Number> changed) {
    Map<SendDays.Key, long[]> moves = new HashMap<>();
    for (Number n : changed) {
      SendDays.Key key = countedOn.get(n.chunkId);
      if (key == null || n.state.equals(n.stateBefore)) {
        continue;
      }
      long[] move = moves.computeIfAbsent(key, k -> new long[2]);
      move[0] += delta(n, NumberState.DELIVERED);
      move[1] += delta(n, NumberState.FAILED);
    }
    List<SendDays.Change> changes = new ArrayList<>(moves.size());
    moves.forEach((key, move) -> changes.add(new SendDays.Change(key, 0, move[0], move[1])));
    return changes;
  }

  private static int delta(Number n, NumberState state) {
    return (n.state.equals(state.name()) ? 1 : 0) - (n.stateBefore.equals(state.name()) ? 1 : 0);
  }
}
