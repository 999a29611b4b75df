/**
 * Tenants (the enterprises using the portal), their status, their gateway accounts with the
 * credentials encrypted at rest ({@link com.smsportal.tenant.GatewayAccounts} is the facade) and
 * the safe rotation of their gateway passwords ({@code PasswordRotation}), and the multi-tenancy
 * ground: a tenant-owned entity base whose tenant comes from the logged-in user, never from a
 * request.
 */
package com.smsportal.tenant;
