/**
 * The portal user as stored ({@code portal_user}: name, password hash, role, tenant, where the user
 * stands with their password), the principal a sign-in makes of it, and how user names compare.
 * Internal: other modules know users through {@code UserService} and {@code SeededUsers}.
 */
package com.smsportal.user.account;
