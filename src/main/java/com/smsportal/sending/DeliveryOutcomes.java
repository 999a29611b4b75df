package com.smsportal.sending;

import com.smsportal.sending.store.SendDays;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the status reports tell the sent numbers: the receipts module (for the poller, a system
 * task) records each number's delivery outcome and learns the job of each gateway task id, and the
 * replies module asks which job a task id belongs to. A chunk is found by the account that sent it
 * and the taskID the gateway gave it, then the number by its mobile within that chunk.
 *
 * <p>Plain SQL for speed (reports come 4,000 at a time); every statement is bound to the account,
 * and an account belongs to one tenant, so no other tenant's rows are touched.
 */
@Service
public class DeliveryOutcomes {

  private static final int IN_LIST = 500;

  private final JdbcTemplate jdbc;
  private final SendDays sendDays;
  private volatile Boolean h2;

  DeliveryOutcomes(JdbcTemplate jdbc, SendDays sendDays) {
    this.jdbc = jdbc;
    this.sendDays = sendDays;
  }

  /** One number's outcome as a status report told it. */
  public record Outcome(
      String taskId, String mobile, boolean delivered, String carrierCode, Instant reportedAt) {}

  /**
   * The job of each of these task ids that this account's chunks were given; unknown ones absent.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Map<String, Long> jobsOfTasks(long accountId, Collection<String> taskIds) {
    return jobsOf(chunksOfTasks(accountId, taskIds, new HashMap<>()));
  }

  /**
   * Records the outcomes on the numbers they are about, and returns the job of each task id the
   * outcomes name that this account's chunks were given (unknown ones absent): what the reports are
   * stored with. A number keeps the outcome of its latest report (an older report arriving late
   * changes nothing), and only numbers the gateway accepted take one. Run it in the transaction
   * that stores the reports: it also moves the day counts of the numbers whose outcome changed
   * (issue 27), so that they always equal a count of the numbers.
   *
   * <p>Set-based (issue 27): the numbers named are read and locked a chunk at a time, their new
   * outcomes decided here in the reports' order (as one UPDATE per report did before), and only the
   * numbers that change are written, a few hundred per statement; a replayed answer writes nothing.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Map<String, Long> record(long accountId, List<Outcome> outcomes) {
    Map<Long, SendDays.Key> countedOn = new HashMap<>();
    Map<String, TaskChunks> chunksOfTask =
        chunksOfTasks(accountId, outcomes.stream().map(Outcome::taskId).toList(), countedOn);
    Map<Long, Set<String>> mobilesOfChunk = new TreeMap<>();
    for (Outcome outcome : outcomes) {
      TaskChunks task = chunksOfTask.get(outcome.taskId());
      for (long chunk : task == null ? List.<Long>of() : task.chunkIds()) {
        mobilesOfChunk.computeIfAbsent(chunk, c -> new LinkedHashSet<>()).add(outcome.mobile());
      }
    }
    if (!mobilesOfChunk.isEmpty()) {
      ReportedNumbers numbers = ReportedNumbers.read(jdbc, mobilesOfChunk, countedOn);
      for (Outcome outcome : outcomes) {
        TaskChunks task = chunksOfTask.get(outcome.taskId());
        for (long chunk : task == null ? List.<Long>of() : task.chunkIds()) {
          numbers.report(chunk, outcome);
        }
      }
      numbers.write(jdbc, h2(), sendDays);
    }
    return jobsOf(chunksOfTask);
  }

  /** Whether the database is H2, whose fastest multi-row update is its own MERGE. */
  private boolean h2() {
    Boolean known = h2;
    if (known == null) {
      known =
          jdbc.execute(
              (ConnectionCallback<Boolean>)
                  c -> "H2".equals(c.getMetaData().getDatabaseProductName()));
      h2 = known;
    }
    return known;
  }

  /** The job a task id belongs to and the chunks the gateway gave it to (one, unless resent). */
  private record TaskChunks(long jobId, List<Long> chunkIds) {}

  private static Map<String, Long> jobsOf(Map<String, TaskChunks> chunksOfTask) {
    Map<String, Long> jobs = new HashMap<>();
    chunksOfTask.forEach((task, chunks) -> jobs.put(task, chunks.jobId()));
    return jobs;
  }

  /**
   * This account's chunks of these task ids, by task id: one statement per 500 task ids; the day
   * counts row of each accepted one into {@code countedOn}.
   */
  private Map<String, TaskChunks> chunksOfTasks(
      long accountId, Collection<String> taskIds, Map<Long, SendDays.Key> countedOn) {
    Map<String, TaskChunks> found = new HashMap<>();
    for (List<String> part : parts(taskIds)) {
      jdbc.query(
          "select task_id, job_id, id, tenant_id, state, answered_at from send_chunk"
              + " where account_id = ? and task_id in ("
              + placeholders(part.size())
              + ")",
          rs -> {
            long job = rs.getLong(2);
            long chunk = rs.getLong(3);
            found
                .computeIfAbsent(rs.getString(1), t -> new TaskChunks(job, new ArrayList<>()))
                .chunkIds()
                .add(chunk);
            LocalDateTime answered = rs.getObject(6, LocalDateTime.class);
            if (ChunkState.SUBMITTED.name().equals(rs.getString(5)) && answered != null) {
              countedOn.put(
                  chunk,
                  new SendDays.Key(
                      rs.getLong(4),
                      SendDays.dayOf(answered.toInstant(ZoneOffset.UTC)),
                      accountId));
            }
          },
          args(accountId, part));
    }
    return found;
  }

  private static List<List<String>> parts(Collection<String> values) {
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(values));
    List<List<String>> parts = new ArrayList<>();
    for (int i = 0; i < distinct.size(); i += IN_LIST) {
      parts.add(distinct.subList(i, Math.min(distinct.size(), i + IN_LIST)));
    }
    return parts;
  }

  private static String placeholders(int n) {
    return String.join(",", java.util.Collections.nCopies(n, "?"));
  }

  private static Object[] args(long accountId, List<String> part) {
    Object[] args = new Object[part.size() + 1];
    args[0] = accountId;
    for (int i = 0; i < part.size(); i++) {
      args[i + 1] = part.get(i);
    }
    return args;
  }
}
