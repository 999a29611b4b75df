package com.smsportal.sending.optout;

import com.smsportal.sending.OptOutSource;
import com.smsportal.sending.OptOutView;
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

/** A number of the tenant that asked not to be messaged: sends leave it out. */
@Entity
@Table(name = "opt_out")
public class OptOut extends TenantOwned {

  public static final int MAX_NOTE = 200;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 11)
  private String mobile;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false, length = 10)
  private OptOutSource source;

  @Column(name = "reply_id")
  private Long replyId;

  @Column(length = MAX_NOTE)
  private String note;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 100)
  private String createdBy;

  protected OptOut() {}

  public OptOut(
      String mobile,
      OptOutSource source,
      Long replyId,
      String note,
      Instant createdAt,
      String createdBy) {
    this.mobile = mobile;
    this.source = source;
    this.replyId = replyId;
    this.note = note;
    this.createdAt = createdAt;
    this.createdBy = createdBy;
  }

  public OptOutView toView() {
    return new OptOutView(id, mobile, source, replyId, note, createdAt, createdBy);
  }

  public Long getId() {
    return id;
  }

  public String getMobile() {
    return mobile;
  }
}
