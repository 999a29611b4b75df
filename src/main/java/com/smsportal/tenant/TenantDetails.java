package com.smsportal.tenant;

/**
 * What support records about a tenant; the name is unique among tenants. The sending limits are
 * null where the portal's defaults apply.
 */
public record TenantDetails(
    String name,
    String contact,
    String notes,
    Long lowBalanceThreshold,
    Integer maxNumbersPerJob,
    Long maxNumbersPerDay,
    Long maxQueuedNumbers) {

  public TenantDetails(String name, String contact, String notes, Long lowBalanceThreshold) {
    this(name, contact, notes, lowBalanceThreshold, null, null, null);
  }

  public static TenantDetails named(String name) {
    return new TenantDetails(name, null, null, null);
  }
}
