package com.smsportal.receipts;

import com.smsportal.tenant.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * A stored delivery status report, as the receipts pages read it. The poller writes these rows (a
 * system task, with JDBC); to the pages they are read-only.
 */
@Entity
@Immutable
@Table(name = "status_report")
class StatusReportEntry extends TenantOwned {

  @Id private Long id;

  @Column(name = "account_id", nullable = false)
  private long accountId;

  @Column(name = "task_id", nullable = false, length = 64)
  private String taskId;

  @Column(nullable = false, length = 20)
  private String mobile;

  @Column(nullable = false)
  private int status;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  @Column(name = "error_code", nullable = false, length = 32)
  private String errorCode;

  @Column(nullable = false, length = 20)
  private String extno;

  @Column(name = "fetched_at", nullable = false)
  private Instant fetchedAt;

  @Column(name = "job_id")
  private Long jobId;

  protected StatusReportEntry() {}

  ReceiptView toView() {
    return new ReceiptView(
        id, accountId, receivedAt, mobile, taskId, status, errorCode, extno, jobId, fetchedAt);
  }
}
