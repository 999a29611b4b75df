package com.smsportal.sending.store;

import com.smsportal.sending.JobState;
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

/** One submitted send order: the content, where it goes and when, and its idempotency key. */
@Entity
@Table(name = "send_job")
public class SendJob extends TenantOwned {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "account_id", nullable = false)
  private long accountId;

  @Column(name = "idempotency_key", nullable = false, length = 64)
  private String idempotencyKey;

  @Column(nullable = false, length = 2000)
  private String content;

  @Column(name = "send_time")
  private Instant sendTime;

  @Column(nullable = false, length = 10)
  private String extno;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false, length = 20)
  private JobState state;

  @Column(name = "number_count", nullable = false)
  private int numberCount;

  @Column(nullable = false)
  private int segments;

  @Column(name = "chunk_count", nullable = false)
  private int chunkCount;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 100)
  private String createdBy;

  @Column(name = "opted_out_count", nullable = false)
  private int optedOutCount;

  /** Numbers its store held back: they had reached a flood limit per number (issue 26). */
  @Column(name = "limited_count", nullable = false)
  private int limitedCount;

  /** Bumped by each edit; each chunk records the version it was made or last edited for. */
  @Column(nullable = false)
  private int version;

  /** Its numbers have texts of their own, rendered from {@link #content} (issue 24). */
  @Column(nullable = false)
  private boolean personalised;

  /** A personalised job's segments over all its messages; null for a plain one. */
  @Column(name = "total_segments")
  private Long totalSegments;

  protected SendJob() {}

  public SendJob(
      long tenantId,
      long accountId,
      String idempotencyKey,
      String content,
      Instant sendTime,
      String extno,
      int numberCount,
      int segments,
      int chunkCount,
      Instant createdAt,
      String createdBy,
      boolean assignTenant) {
    if (assignTenant) {
      assignTenant(tenantId);
    }
    this.accountId = accountId;
    this.idempotencyKey = idempotencyKey;
    this.content = content;
    this.sendTime = sendTime;
    this.extno = extno;
    this.state = JobState.OPEN;
    this.numberCount = numberCount;
    this.segments = segments;
    this.chunkCount = chunkCount;
    this.createdAt = createdAt;
    this.createdBy = createdBy;
  }

  /** Marks the job personalised, with the segments of all its rendered messages. */
  public void personalised(long totalSegments) {
    this.personalised = true;
    this.totalSegments = totalSegments;
  }

  public boolean isPersonalised() {
    return personalised;
  }

  /** What the gateway bills for the whole job: each message's segments, summed. */
  public long getTotalSegments() {
    return totalSegments != null ? totalSegments : (long) numberCount * segments;
  }

  public Long getId() {
    return id;
  }

  public long getAccountId() {
    return accountId;
  }

  public String getContent() {
    return content;
  }

  public Instant getSendTime() {
    return sendTime;
  }

  public String getExtno() {
    return extno;
  }

  public JobState getState() {
    return state;
  }

  public void setState(JobState state) {
    this.state = state;
  }

  public int getNumberCount() {
    return numberCount;
  }

  public int getSegments() {
    return segments;
  }

  public int getChunkCount() {
    return chunkCount;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public int getOptedOutCount() {
    return optedOutCount;
  }

  public int getLimitedCount() {
    return limitedCount;
  }

  public void setLimitedCount(int limitedCount) {
    this.limitedCount = limitedCount;
  }

  public void setOptedOutCount(int optedOutCount) {
    this.optedOutCount = optedOutCount;
  }

  public int getVersion() {
    return version;
  }

  /** A person's change before it went; its chunks move to the new version in the same step. */
  public void edit(String content, Instant sendTime, String extno, int segments) {
    this.content = content;
    this.sendTime = sendTime;
    this.extno = extno;
    this.segments = segments;
    this.version++;
  }
}
