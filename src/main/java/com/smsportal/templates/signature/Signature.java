package com.smsportal.templates.signature;

import com.smsportal.templates.ReviewState;
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

/** A signature a tenant applied for, and support's decision on it. */
@Entity
@Table(name = "signature")
public class Signature extends TenantOwned {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "signature_text", nullable = false, length = 20)
  private String text;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false, length = 10)
  private ReviewState state;

  @Column(length = 500)
  private String reason;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 100)
  private String createdBy;

  @Column(name = "reviewed_at")
  private Instant reviewedAt;

  @Column(name = "reviewed_by", length = 100)
  private String reviewedBy;

  protected Signature() {}

  Signature(String text, Instant createdAt, String createdBy) {
    this.text = text;
    this.state = ReviewState.PENDING;
    this.createdAt = createdAt;
    this.createdBy = createdBy;
  }

  void review(ReviewState decision, String reason, Instant at, String by) {
    this.state = decision;
    this.reason = decision == ReviewState.REJECTED ? reason : null;
    this.reviewedAt = at;
    this.reviewedBy = by;
  }

  public SignatureView toView() {
    return new SignatureView(id, text, state, reason, createdAt, createdBy, reviewedAt, reviewedBy);
  }

  public Long getId() {
    return id;
  }

  public String getText() {
    return text;
  }

  public ReviewState getState() {
    return state;
  }
}
