package com.smsportal.sending;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

  DeliveryOutcomes(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One number's outcome as a status report told it. */
  public record Outcome(
      String taskId, String mobile, boolean delivered, String carrierCode, Instant reportedAt) {}

  /**
   * The job of each of these task ids that this account's chunks were given; unknown ones absent.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Map<String, Long> jobsOfTasks(long accountId, Collection<String> taskIds) {
    return jobsOf(chunksOfTasks(accountId, taskIds));
  }

  /**
   * Records the outcomes on the numbers they are about, and returns the job of each task id the
   * outcomes name that this account's chunks were given (unknown ones absent): what the reports are
   * stored with. A number keeps the outcome of its latest report (an older report arriving late
   * changes nothing), and only numbers the gateway accepted take one. Run it in the transaction
   * that stores the reports.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Map<String, Long> record(long accountId, List<Outcome> outcomes) {
    Map<String, TaskChunks> chunksOfTask =
        chunksOfTasks(accountId, outcomes.stream().map(Outcome::taskId).toList());
    List<Object[]> updates = new ArrayList<>();
    for (Outcome outcome : outcomes) {
      TaskChunks task = chunksOfTask.get(outcome.taskId());
      for (long chunk : task == null ? List.<Long>of() : task.chunkIds()) {
        LocalDateTime at = LocalDateTime.ofInstant(outcome.reportedAt(), ZoneOffset.UTC);
        updates.add(
            new Object[] {
              (outcome.delivered() ? NumberState.DELIVERED : NumberState.FAILED).name(),
              outcome.carrierCode(),
              at,
              chunk,
              outcome.mobile(),
              at
            });
      }
    }
    if (!updates.isEmpty()) {
      jdbc.batchUpdate(
          "update send_number set state = ?, carrier_code = ?, reported_at = ?"
              + " where chunk_id = ? and mobile = ?"
              + " and state in ('SUBMITTED', 'DELIVERED', 'FAILED')"
              + " and (reported_at is null or reported_at <= ?)",
          updates);
    }
    return jobsOf(chunksOfTask);
  }

  /** The job a task id belongs to and the chunks the gateway gave it to (one, unless resent). */
  private record TaskChunks(long jobId, List<Long> chunkIds) {}

  private static Map<String, Long> jobsOf(Map<String, TaskChunks> chunksOfTask) {
    Map<String, Long> jobs = new HashMap<>();
    chunksOfTask.forEach((task, chunks) -> jobs.put(task, chunks.jobId()));
    return jobs;
  }

  /** This account's chunks of these task ids, by task id: one statement per 500 task ids. */
  private Map<String, TaskChunks> chunksOfTasks(long accountId, Collection<String> taskIds) {
    Map<String, TaskChunks> found = new HashMap<>();
    for (List<String> part : parts(taskIds)) {
      jdbc.query(
          "select task_id, job_id, id from send_chunk where account_id = ? and task_id in ("
              + placeholders(part.size())
              + ")",
          rs -> {
            long job = rs.getLong(2);
            found
                .computeIfAbsent(rs.getString(1), t -> new TaskChunks(job, new ArrayList<>()))
                .chunkIds()
                .add(rs.getLong(3));
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
