package com.smsportal.user.secondfactor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Whether a tenant's customers must sign in with a second factor; support decides. */
@Entity
@Table(name = "second_factor_policy")
class SecondFactorPolicy {

  @Id
  @Column(name = "tenant_id")
  private Long tenantId;

  @Column(nullable = false)
  private boolean required;

  @Column(name = "changed_at", nullable = false)
  private Instant changedAt;

  protected SecondFactorPolicy() {}

  SecondFactorPolicy(long tenantId) {
    this.tenantId = tenantId;
  }

  boolean isRequired() {
    return required;
  }

  void require(boolean required, Instant at) {
    this.required = required;
    this.changedAt = at;
  }
}
