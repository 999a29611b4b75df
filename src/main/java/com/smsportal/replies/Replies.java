package com.smsportal.replies;

import com.smsportal.gateway.Reply;
import com.smsportal.mobile.MobileNumber;
import com.smsportal.sending.DeliveryOutcomes;
import com.smsportal.sending.OptOuts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The replies module's ingest facade: stores the replies of one fetched answer, each once (a reply
 * fetched twice or replayed from the spool is found by its identity: account, mobile, receive time,
 * task id, content), linked to the send job it answers, and puts the number of a new opt-out reply
 * on its tenant's opt-out list. A reply's number is kept as the portal reads numbers ({@link
 * MobileNumber#reported}). A system task (the poller) with the tenant known from the account.
 */
@Service
public class Replies {

  /** Longest reply text kept; the rest is cut with an ellipsis (never seen in practice). */
  static final int MAX_CONTENT = 1000;

  private final JdbcTemplate jdbc;
  private final OptOutWords optOutWords;
  private final DeliveryOutcomes outcomes;
  private final OptOuts optOuts;
  private final ApplicationEventPublisher events;

  Replies(
      JdbcTemplate jdbc,
      OptOutWords optOutWords,
      DeliveryOutcomes outcomes,
      OptOuts optOuts,
      ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.optOutWords = optOutWords;
    this.outcomes = outcomes;
    this.optOuts = optOuts;
    this.events = events;
  }

  /** Rows per statement: within MariaDB's packet and H2's parameter limits, few round trips. */
  static final int ROWS = 250;

  private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /** What makes a reply one (the table's unique key, within an account). */
  private record Identity(String mobile, String receiveTime, String taskId, String hash) {}

  /** A reply of the answer, as it is stored. */
  private record Row(
      Identity identity,
      String content,
      Instant receivedAt,
      String extno,
      Long job,
      boolean optOut) {}

  /**
   * Stores the replies not stored before, in the caller's transaction, and lists the numbers of the
   * new opt-out replies; tells the listeners of {@link RepliesStored} in it; returns how many
   * replies were new.
   *
   * <p>Set-based (issue 27): the answer's replies stored before are found by their numbers, the
   * others inserted a few hundred per statement, and their ids read back the same way: a few
   * statements per answer instead of two per reply.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int ingest(
      long tenantId, long accountId, long inboxId, List<Reply> replies, Instant fetchedAt) {
    Map<String, Long> jobsOfTasks =
        outcomes.jobsOfTasks(
            accountId,
            replies.stream()
                .map(r -> Objects.toString(r.taskId(), ""))
                .filter(t -> !t.isEmpty())
                .toList());
    Map<Identity, Row> answer = new LinkedHashMap<>();
    for (Reply reply : replies) {
      String content = clip(Objects.toString(reply.content(), ""));
      String taskId = Objects.toString(reply.taskId(), "");
      Identity identity =
          new Identity(
              MobileNumber.reported(reply.mobile()),
              Objects.toString(reply.receiveTime(), ""),
              taskId,
              sha256(content));
      // The same reply twice in one answer is stored once, as the first.
      answer.putIfAbsent(
          identity,
          new Row(
              identity,
              content,
              reply.receivedAt() == null ? fetchedAt : reply.receivedAt(),
              Objects.toString(reply.extno(), ""),
              jobsOfTasks.get(taskId),
              optOutWords.isOptOut(content)));
    }
    Set<String> mobiles = new LinkedHashSet<>();
    answer.keySet().forEach(identity -> mobiles.add(identity.mobile()));
    answer.keySet().removeAll(stored(accountId, mobiles, null).keySet());
    insert(tenantId, accountId, inboxId, fetchedAt, List.copyOf(answer.values()));
    // Only the rows this answer inserted: one stored meanwhile by another answer is not new.
    Map<Identity, Long> ids = answer.isEmpty() ? Map.of() : stored(accountId, mobiles, inboxId);
    List<RepliesStored.Reply> added = new ArrayList<>();
    for (Row row : answer.values()) {
      Long id = ids.get(row.identity());
      if (id != null) {
        added.add(
            new RepliesStored.Reply(
                id,
                row.identity().taskId(),
                row.identity().mobile(),
                row.content(),
                row.receivedAt(),
                row.extno(),
                row.job(),
                row.optOut()));
      }
    }
    for (RepliesStored.Reply reply : added) {
      if (reply.optOut()) {
        // Committed on its own before the reply: a stop in between lists the number and stores
        // the reply when the answer is processed again, never the other way round.
        optOuts.addFromReply(reply.mobile(), reply.id());
      }
    }
    if (!added.isEmpty()) {
      events.publishEvent(new RepliesStored(tenantId, accountId, added));
    }
    return added.size();
  }

  /**
   * The account's stored replies from these numbers (of this inbox answer only, unless null), by
   * identity: found through the unique key's leading columns, a few hundred numbers a statement.
   */
  private Map<Identity, Long> stored(long accountId, Set<String> mobiles, Long inboxId) {
    Map<Identity, Long> found = new HashMap<>();
    List<String> all = new ArrayList<>(mobiles);
    for (int from = 0; from < all.size(); from += ROWS) {
      List<String> part = all.subList(from, Math.min(all.size(), from + ROWS));
      List<Object> args = new ArrayList<>(part.size() + 2);
      args.add(accountId);
      args.addAll(part);
      jdbc.query(
          "select id, mobile, receive_time, task_id, content_hash, inbox_id from reply"
              + " where account_id = ? and mobile in ("
              + String.join(", ", Collections.nCopies(part.size(), "?"))
              + ")",
          rs -> {
            if (inboxId == null || inboxId == rs.getLong(6)) {
              found.put(
                  new Identity(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                  rs.getLong(1));
            }
          },
          args.toArray());
    }
    return found;
  }

  /** New replies, {@link #ROWS} per INSERT; one stored meanwhile hits the unique key, unchanged. */
  private void insert(
      long tenantId, long accountId, long inboxId, Instant fetchedAt, List<Row> rows) {
    LocalDateTime fetched = LocalDateTime.ofInstant(fetchedAt, ZoneOffset.UTC);
    for (int from = 0; from < rows.size(); from += ROWS) {
      List<Row> part = rows.subList(from, Math.min(rows.size(), from + ROWS));
      StringBuilder sql =
          new StringBuilder(
              "insert into reply (tenant_id, account_id, inbox_id, task_id, mobile, content,"
                  + " content_hash, receive_time, received_at, extno, fetched_at, job_id, opt_out)"
                  + " values ");
      List<Object> args = new ArrayList<>(part.size() * 13);
      for (Row row : part) {
        sql.append(args.isEmpty() ? ROW : ", " + ROW);
        Collections.addAll(
            args,
            tenantId,
            accountId,
            inboxId,
            row.identity().taskId(),
            row.identity().mobile(),
            row.content(),
            row.identity().hash(),
            row.identity().receiveTime(),
            LocalDateTime.ofInstant(row.receivedAt(), ZoneOffset.UTC),
            row.extno(),
            fetched,
            row.job(),
            row.optOut());
      }
      jdbc.update(sql.append(" on duplicate key update id = id").toString(), args.toArray());
    }
  }

  private static String clip(String content) {
    return content.length() <= MAX_CONTENT ? content : content.substring(0, MAX_CONTENT - 1) + "…";
  }

  static String sha256(String content) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(content.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
