/**
 * Portal users and their roles, and the web security rules every route is held to ({@code
 * SecurityConfig}; the actuator's metrics token). Its API for other modules and start-up tasks:
 * {@link com.smsportal.user.UserService} (create a user, look one up), {@link
 * com.smsportal.user.Role}, {@link com.smsportal.user.CurrentUser} (what every page shows of the
 * signed-in user) and {@link com.smsportal.user.SeededUsers} (users seeded with a published
 * password, such as the demo's). The rest is internal, by concern: {@code account} (the stored user
 * and the session's principal), {@code signin} (the login form, the code page, the steps a user
 * must take first), {@code secondfactor} (TOTP keys, recovery codes, enrolment), {@code throttle}
 * (brute-force protection and the login records), {@code session} (sessions in the database, their
 * lifetime, cookies and CSRF tokens), {@code password} (the password policy and a user's own
 * change) and {@code admin} (support's user administration, temporary passwords, the first
 * administrator).
 */
package com.smsportal.user;
