/**
 * Brute-force protection that slows guessing without locking the real user out: every password and
 * code is counted in the database before its check (soft locks of a name on one address that a
 * password and a code pass together, per-name and per-address slowdowns, nothing stored per made-up
 * name), the node's failed-login alarm, and the login records the admins' page shows.
 */
package com.smsportal.user.throttle;
