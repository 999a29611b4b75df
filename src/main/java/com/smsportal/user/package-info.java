/**
 * Portal users and their roles; sign-in: form login, the second factor (TOTP keys sealed with the
 * portal's key, recovery codes, enrolment and an administrator's reset), throttling that slows
 * guessing without locking the real user out (soft account locks a password and a code pass,
 * per-address limits, a failure alarm, nothing stored per made-up name), how long sessions last and
 * which end with a password change (sessions are kept in the database, so that every node of a
 * cluster serves them and ending them ends them everywhere); the password policy; the demo's users
 * and the guards that keep the demo off the network and out of a portal started without it; and the
 * web security rules every route is held to.
 */
package com.smsportal.user;
