/**
 * Passwords a user chooses: the policy (OWASP ASVS: length, the common-password list, not the user
 * name or the portal's name) and the page where users change their own, checked inside the login
 * throttle.
 */
package com.smsportal.user.password;
