/**
 * Sessions, kept in the database so that every node of a cluster serves them and ending them ends
 * them everywhere: their idle timeout and absolute lifetime, ending a user's sessions (a password
 * change, a suspension, an administrator), the signed session cookie, CSRF tokens that leave an
 * anonymous visitor without a stored session, and what a request of an ended session gets.
 */
package com.smsportal.user.session;
