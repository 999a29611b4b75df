package com.smsportal.tenant;

import java.time.Instant;

/** What other modules and pages may know of a tenant. */
public record TenantView(
    long id,
    String name,
    TenantStatus status,
    Instant createdAt,
    String contact,
    String notes,
    Long lowBalanceThreshold,
    String statusReason,
    Instant statusChangedAt) {

  public boolean active() {
    return status == TenantStatus.ACTIVE;
  }
}
