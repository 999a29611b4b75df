package com.smsportal.sending.store;

import com.smsportal.message.MessageSegments;
import com.smsportal.sending.ChunkState;
import com.smsportal.sending.ChunkView;
import com.smsportal.tenant.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One submit of a job: up to the account's chunk size of its numbers, and what the gateway answered
 * to it.
 */
@Entity
@Table(name = "send_chunk")
public class SendChunk extends TenantOwned {

  public static final int MAX_RAW_ANSWER = 4000;
  public static final int MAX_MESSAGE = 500;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "job_id", nullable = false)
  private long jobId;

  @Column(name = "account_id", nullable = false)
  private long accountId;

  @Column(nullable = false)
  private int seq;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false, length = 20)
  private ChunkState state;

  @Column(name = "number_count", nullable = false)
  private int numberCount;

  /** Not submitted before: the job's send time, or later after a call that never left. */
  @Column(name = "due_at", nullable = false)
  private Instant dueAt;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "attempted_at")
  private Instant attemptedAt;

  @Column(name = "answered_at")
  private Instant answeredAt;

  @Column(name = "task_id", length = 64)
  private String taskId;

  @Column(name = "success_counts")
  private Long successCounts;

  @Column private Long remainpoint;

  @Column(name = "raw_answer", length = MAX_RAW_ANSWER)
  private String rawAnswer;

  @Column(length = 40)
  private String error;

  @Column(length = MAX_MESSAGE)
  private String message;

  /** The node that claimed the chunk's last call: its dead predecessor's are UNKNOWN at start. */
  @Column(name = "claimed_by", length = 64)
  private String claimedBy;

  /** The claiming node's start (its heartbeat's start count) under which the last call began. */
  @Column(name = "claimed_run")
  private Long claimedRun;

  /** The version of its job this chunk was made or last edited for. */
  @Column(name = "job_version", nullable = false)
  private int jobVersion;

  /** Its own text (a personalised job's, issue 24); null: the job's content. */
  @Column(length = 2000)
  private String content;

  /** The segments of its own text; null: the job's segments. */
  @Column private Integer segments;

  protected SendChunk() {}

  /** A chunk of a personalised job: its numbers all get {@code content}. */
  public SendChunk withContent(String content) {
    this.content = content;
    this.segments = content == null ? null : MessageSegments.count(content).segments();
    return this;
  }

  /** Its own text, or null when it sends its job's content. */
  public String getContent() {
    return content;
  }

  public SendChunk(
      long tenantId,
      long jobId,
      long accountId,
      int seq,
      int numberCount,
      Instant dueAt,
      boolean assignTenant) {
    if (assignTenant) {
      assignTenant(tenantId);
    }
    this.jobId = jobId;
    this.accountId = accountId;
    this.seq = seq;
    this.numberCount = numberCount;
    this.dueAt = dueAt;
    this.state = ChunkState.QUEUED;
  }

  public void submitted(
      String taskId, long successCounts, long remainpoint, String raw, Instant at) {
    this.state = ChunkState.SUBMITTED;
    this.taskId = taskId;
    this.successCounts = successCounts;
    this.remainpoint = remainpoint;
    this.rawAnswer = cut(raw, MAX_RAW_ANSWER);
    this.error = null;
    this.message = null;
    this.answeredAt = at;
  }

  public void failed(ChunkState outcome, String error, String message, String raw, Instant at) {
    this.state = outcome;
    this.error = error;
    this.message = cut(message, MAX_MESSAGE);
    this.rawAnswer = cut(raw, MAX_RAW_ANSWER);
    this.answeredAt = raw == null ? null : at;
  }

  /** After a call that provably never left: queued again, not before {@code dueAt}. */
  public void requeued(String error, String message, Instant dueAt) {
    this.state = ChunkState.QUEUED;
    this.error = error;
    this.message = cut(message, MAX_MESSAGE);
    this.dueAt = dueAt;
  }

  public void resend(Instant now) {
    this.state = ChunkState.QUEUED;
    this.dueAt = now;
  }

  public void cancel() {
    this.state = ChunkState.CANCELLED;
  }

  /** The chunk as pages show it. */
  public ChunkView toView() {
    return new ChunkView(
        id,
        seq,
        state,
        numberCount,
        attempts,
        dueAt,
        attemptedAt,
        answeredAt,
        taskId,
        successCounts,
        remainpoint,
        error,
        message,
        rawAnswer);
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  public Long getId() {
    return id;
  }

  public long getJobId() {
    return jobId;
  }

  public long getAccountId() {
    return accountId;
  }

  public int getSeq() {
    return seq;
  }

  public ChunkState getState() {
    return state;
  }

  public int getNumberCount() {
    return numberCount;
  }

  public Instant getAnsweredAt() {
    return answeredAt;
  }

  public int getAttempts() {
    return attempts;
  }

  public Instant getAttemptedAt() {
    return attemptedAt;
  }

  public String getMessage() {
    return message;
  }

  public String getClaimedBy() {
    return claimedBy;
  }

  public Long getClaimedRun() {
    return claimedRun;
  }
}
