package com.smsportal.templates.template;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Whether a tenant's templates need support's approval; no row means they do not. Not tenant-owned:
 * support sets it for a tenant named by id, and a tenant's own pages read it by their tenant's id.
 */
@Entity
@Table(name = "template_review_policy")
public class TemplateReviewPolicy {

  @Id
  @Column(name = "tenant_id")
  private Long tenantId;

  @Column(name = "review_required", nullable = false)
  private boolean reviewRequired;

  @Column(name = "changed_at", nullable = false)
  private Instant changedAt;

  @Column(name = "changed_by", nullable = false, length = 100)
  private String changedBy;

  protected TemplateReviewPolicy() {}

  TemplateReviewPolicy(long tenantId) {
    this.tenantId = tenantId;
  }

  void set(boolean required, Instant at, String by) {
    this.reviewRequired = required;
    this.changedAt = at;
    this.changedBy = by;
  }

  public boolean isReviewRequired() {
    return reviewRequired;
  }
}
