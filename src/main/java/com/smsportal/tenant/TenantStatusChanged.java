package com.smsportal.tenant;

/**
 * Published after a tenant is suspended or reactivated. Listeners end the tenant's sessions, pause
 * its pollers, stop its sends.
 */
public record TenantStatusChanged(long tenantId, TenantStatus status) {}
