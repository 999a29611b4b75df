package com.smsportal.replies;

import com.smsportal.tenant.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * A stored inbound reply, as the replies pages read it. The poller writes these rows (a system
 * task, with JDBC); to the pages they are read-only. The content was written by a member of the
 * public: it is only ever shown escaped.
 */
@Entity
@Immutable
@Table(name = "reply")
class ReplyEntry extends TenantOwned {

  @Id private Long id;

  @Column(name = "account_id", nullable = false)
  private long accountId;

  @Column(name = "task_id", nullable = false, length = 64)
  private String taskId;

  @Column(nullable = false, length = 20)
  private String mobile;

  @Column(nullable = false, length = 1000)
  private String content;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  @Column(nullable = false, length = 20)
  private String extno;

  @Column(name = "fetched_at", nullable = false)
  private Instant fetchedAt;

  @Column(name = "job_id")
  private Long jobId;

  @Column(name = "opt_out", nullable = false)
  private boolean optOut;

  protected ReplyEntry() {}

  ReplyView toView() {
    return new ReplyView(
        id, accountId, receivedAt, mobile, content, extno, jobId, optOut, fetchedAt);
  }
}
