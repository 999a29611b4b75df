package com.smsportal.tenant;

import java.time.Instant;

/**
 * What other modules and pages may know of a tenant.
 *
 * @param maxNumbersPerJob the numbers one job may have; null: the portal's default
 * @param maxNumbersPerDay the numbers its jobs may have together per day (China time); null: the
 *     portal's default
 * @param maxQueuedNumbers the numbers it may have waiting to be submitted at once; null: the
 *     portal's default
 */
public record TenantView(
    long id,
    String name,
    TenantStatus status,
    Instant createdAt,
    String contact,
    String notes,
    Long lowBalanceThreshold,
    String statusReason,
    Instant statusChangedAt,
    Integer maxNumbersPerJob,
    Long maxNumbersPerDay,
    Long maxQueuedNumbers) {

  public boolean active() {
    return status == TenantStatus.ACTIVE;
  }
}
