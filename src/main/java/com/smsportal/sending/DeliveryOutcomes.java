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
 * What the status reports tell the sent numbers: the receipts module (the poller, a system task)
 * asks which job a gateway task id belongs to and records each number's delivery outcome. A chunk
 * is found by the account that sent it and the taskID the gateway gave it, then the number by its
 * mobile within that chunk.
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
    Map<String, Long> jobs = new HashMap<>();
    for (List<String> part : parts(taskIds)) {
      jdbc.query(
          "select task_id, job_id from send_chunk where account_id = ? and task_id in ("
              + placeholders(part.size())
              + ")",
          rs -> {
            jobs.put(rs.getString(1), rs.getLong(2));
          },
          args(accountId, part));
    }
    return jobs;
  }

  /**
   * Records the outcomes on the numbers they are about; returns how many numbers changed. A number
   * keeps the outcome of its latest report (an older report arriving late changes nothing), and
   * only numbers the gateway accepted take one. Run it in the transaction that stores the reports.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int record(long accountId, List<Outcome> outcomes) {
    if (outcomes.isEmpty()) {
      return 0;
    }
    Map<String, List<Long>> chunksOfTask = new HashMap<>();
    for (List<String> part : parts(outcomes.stream().map(Outcome::taskId).toList())) {
      jdbc.query(
          "select task_id, id from send_chunk where account_id = ? and task_id in ("
              + placeholders(part.size())
              + ")",
          rs -> {
            chunksOfTask
                .computeIfAbsent(rs.getString(1), t -> new ArrayList<>())
                .add(rs.getLong(2));
          },
          args(accountId, part));
    }
    List<Object[]> updates = new ArrayList<>();
    for (Outcome outcome : outcomes) {
      for (Long chunk : chunksOfTask.getOrDefault(outcome.taskId(), List.of())) {
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
    if (updates.isEmpty()) {
      return 0;
    }
    int changed = 0;
    for (int count :
        jdbc.batchUpdate(
            "update send_number set state = ?, carrier_code = ?, reported_at = ?"
                + " where chunk_id = ? and mobile = ?"
                + " and state in ('SUBMITTED', 'DELIVERED', 'FAILED')"
                + " and (reported_at is null or reported_at <= ?)",
            updates)) {
      changed += Math.max(count, 0);
    }
    return changed;
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
