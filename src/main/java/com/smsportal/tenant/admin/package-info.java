/**
 * Support's work on tenants: the list, each tenant's page, creating and editing a tenant with its
 * sending limits, suspending and reactivating it (always with a reason), and "view as tenant", with
 * the audit of every page a staff member opens on a tenant's data ({@code CrossTenantViews}). The
 * pages change tenants only through {@link com.smsportal.tenant.TenantService}.
 */
package com.smsportal.tenant.admin;
