/**
 * Tenants (the enterprises using the portal), their status and sending limits ({@link
 * com.smsportal.tenant.SendLimits}), and the multi-tenancy ground: a tenant-owned entity base whose
 * tenant comes from the logged-in user, never from a request ({@link
 * com.smsportal.tenant.TenantOwned}, {@link com.smsportal.tenant.TenantContext}, which Hibernate
 * reads through {@code TenantIdentifierResolver}).
 *
 * <p>This base package is the module's API: {@link com.smsportal.tenant.TenantService}, the facade
 * through which other modules read and change tenants, and its values and events. The support
 * staff's pages are in the internal sub-package {@code admin}.
 */
package com.smsportal.tenant;
