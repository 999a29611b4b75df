package com.smsportal.tenant;

/** Whether a tenant's users may log in and use the portal. Suspension deletes nothing. */
public enum TenantStatus {
  ACTIVE,
  SUSPENDED
}
