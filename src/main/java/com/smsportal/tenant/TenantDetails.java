package com.smsportal.tenant;

/** What support records about a tenant; the name is unique among tenants. */
public record TenantDetails(String name, String contact, String notes, Long lowBalanceThreshold) {

  public static TenantDetails named(String name) {
    return new TenantDetails(name, null, null, null);
  }
}
