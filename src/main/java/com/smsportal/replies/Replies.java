package com.smsportal.replies;

import com.smsportal.gateway.Reply;
import com.smsportal.mobile.MobileNumber;
import com.smsportal.sending.DeliveryOutcomes;
import com.smsportal.sending.OptOuts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
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

  /** A reply stored by this call (not one seen before). */
  private record NewReply(long id, String mobile, boolean optOut) {}

  /**
   * Stores the replies not stored before, in the caller's transaction, and lists the numbers of the
   * new opt-out replies; tells the listeners of {@link RepliesStored} in it; returns how many
   * replies were new.
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
    List<NewReply> added = new ArrayList<>();
    List<RepliesStored.Reply> stored = new ArrayList<>();
    for (Reply reply : replies) {
      String mobile = MobileNumber.reported(reply.mobile());
      String content = clip(Objects.toString(reply.content(), ""));
      String hash = sha256(content);
      String receiveTime = Objects.toString(reply.receiveTime(), "");
      String taskId = Objects.toString(reply.taskId(), "");
      Long existing =
          jdbc.query(
              "select id from reply where account_id = ? and mobile = ? and receive_time = ?"
                  + " and task_id = ? and content_hash = ?",
              rs -> rs.next() ? rs.getLong(1) : null,
              accountId,
              mobile,
              receiveTime,
              taskId,
              hash);
      if (existing != null) {
        continue;
      }
      boolean optOut = optOutWords.isOptOut(content);
      Instant receivedAt = reply.receivedAt() == null ? fetchedAt : reply.receivedAt();
      Long job = jobsOfTasks.get(taskId);
      GeneratedKeyHolder key = new GeneratedKeyHolder();
      try {
        jdbc.update(
            connection -> {
              PreparedStatement s =
                  connection.prepareStatement(
                      "insert into reply (tenant_id, account_id, inbox_id, task_id, mobile,"
                          + " content, content_hash, receive_time, received_at, extno, fetched_at,"
                          + " job_id, opt_out) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      // Only the id: H2 would also return every column a default filled in.
                      new String[] {"id"});
              s.setLong(1, tenantId);
              s.setLong(2, accountId);
              s.setLong(3, inboxId);
              s.setString(4, taskId);
              s.setString(5, mobile);
              s.setString(6, content);
              s.setString(7, hash);
              s.setString(8, receiveTime);
              s.setObject(9, LocalDateTime.ofInstant(receivedAt, ZoneOffset.UTC));
              s.setString(10, Objects.toString(reply.extno(), ""));
              s.setObject(11, LocalDateTime.ofInstant(fetchedAt, ZoneOffset.UTC));
              s.setObject(12, job);
              s.setBoolean(13, optOut);
              return s;
            },
            key);
      } catch (DuplicateKeyException raced) {
        continue;
      }
      added.add(new NewReply(key.getKey().longValue(), mobile, optOut));
      stored.add(
          new RepliesStored.Reply(
              key.getKey().longValue(),
              taskId,
              mobile,
              content,
              receivedAt,
              Objects.toString(reply.extno(), ""),
              job,
              optOut));
    }
    for (NewReply reply : added) {
      if (reply.optOut()) {
        // Committed on its own before the reply: a stop in between lists the number and stores
        // the reply when the answer is processed again, never the other way round.
        optOuts.addFromReply(reply.mobile(), reply.id());
      }
    }
    if (!stored.isEmpty()) {
      events.publishEvent(new RepliesStored(tenantId, accountId, stored));
    }
    return added.size();
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
