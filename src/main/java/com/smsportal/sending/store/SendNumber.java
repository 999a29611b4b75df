package com.smsportal.sending.store;

import com.smsportal.sending.NumberState;
import com.smsportal.sending.NumberView;
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

/** One recipient of a job, in one chunk. */
@Entity
@Table(name = "send_number")
public class SendNumber extends TenantOwned {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "job_id", nullable = false)
  private long jobId;

  @Column(name = "chunk_id", nullable = false)
  private long chunkId;

  @Column(nullable = false, length = 11)
  private String mobile;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false, length = 20)
  private NumberState state;

  @Column(name = "carrier_code", insertable = false, updatable = false)
  private String carrierCode;

  @Column(name = "reported_at", insertable = false, updatable = false)
  private Instant reportedAt;

  protected SendNumber() {}

  public SendNumber(long tenantId, long jobId, long chunkId, String mobile, boolean assignTenant) {
    if (assignTenant) {
      assignTenant(tenantId);
    }
    this.jobId = jobId;
    this.chunkId = chunkId;
    this.mobile = mobile;
    this.state = NumberState.QUEUED;
  }

  public NumberView toView() {
    return new NumberView(id, mobile, state, chunkId, carrierCode, reportedAt);
  }

  public Long getId() {
    return id;
  }

  public String getMobile() {
    return mobile;
  }

  public NumberState getState() {
    return state;
  }
}
