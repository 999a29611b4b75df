/**
 * Tenants (the enterprises using the portal), their status and sending limits, and the
 * multi-tenancy ground: a tenant-owned entity base whose tenant comes from the logged-in user,
 * never from a request ({@link com.smsportal.tenant.TenantOwned}, {@link
 * com.smsportal.tenant.TenantContext}). {@link com.smsportal.tenant.TenantService} is the facade.
 */
package com.smsportal.tenant;
