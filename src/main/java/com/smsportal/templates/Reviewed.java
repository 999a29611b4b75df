package com.smsportal.templates;

import com.smsportal.tenant.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What support's review keeps of a signature or a template, one way for both: the state, the reason
 * of a rejection, who decided and when.
 */
@MappedSuperclass
public abstract class Reviewed extends TenantOwned {

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false, length = 10)
  private ReviewState state;

  @Column(length = 500)
  private String reason;

  @Column(name = "reviewed_at")
  private Instant reviewedAt;

  @Column(name = "reviewed_by", length = 100)
  private String reviewedBy;

  /**
   * A decision as support may take it: approve, or reject with a reason.
   *
   * @return the reason as kept (stripped), null when there is none
   * @throws IllegalArgumentException for any other decision
   */
  public static String reasonOf(ReviewState decision, String reason) {
    if (decision == ReviewState.PENDING
        || (decision == ReviewState.REJECTED && (reason == null || reason.isBlank()))) {
      throw new IllegalArgumentException("approve, or reject with a reason");
    }
    return reason == null ? null : reason.strip();
  }

  /** Submitted (again) for review, or approved at once: an earlier reason no longer holds. */
  protected void submitted(ReviewState state) {
    this.state = state;
    this.reason = null;
  }

  /** Support's decision (see {@link #reasonOf}); a rejection keeps its reason. */
  public void review(ReviewState decision, String reason, Instant at, String by) {
    this.state = decision;
    this.reason = decision == ReviewState.REJECTED ? reason : null;
    this.reviewedAt = at;
    this.reviewedBy = by;
  }

  public ReviewState getState() {
    return state;
  }

  public String getReason() {
    return reason;
  }

  public Instant getReviewedAt() {
    return reviewedAt;
  }

  public String getReviewedBy() {
    return reviewedBy;
  }
}
