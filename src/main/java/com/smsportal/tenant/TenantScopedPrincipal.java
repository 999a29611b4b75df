package com.smsportal.tenant;

/**
 * Implemented by the logged-in user's principal: the tenant it belongs to, or {@code null} for the
 * operator's staff, who belong to none.
 */
public interface TenantScopedPrincipal {

  Long tenantId();
}
