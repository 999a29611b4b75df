package com.smsportal.templates.signature;

import com.smsportal.templates.ReviewState;
import com.smsportal.templates.Reviewed;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A signature a tenant applied for, and support's decision on it. */
@Entity
@Table(name = "signature")
public class Signature extends Reviewed {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "signature_text", nullable = false, length = 20)
  private String text;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 100)
  private String createdBy;

  protected Signature() {}

  Signature(String text, Instant createdAt, String createdBy) {
    this.text = text;
    submitted(ReviewState.PENDING);
    this.createdAt = createdAt;
    this.createdBy = createdBy;
  }

  public SignatureView toView() {
    return new SignatureView(
        id, text, getState(), getReason(), createdAt, createdBy, getReviewedAt(), getReviewedBy());
  }

  public Long getId() {
    return id;
  }

  public String getText() {
    return text;
  }
}
