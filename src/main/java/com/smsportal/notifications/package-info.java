/**
 * Notices that reach people (issue 26): in-app notices per user (the bell in the top bar, {@code
 * /notifications}), mailed through an outbox to those who chose mail for a kind ({@code
 * /settings/notifications}).
 *
 * <p>This base package is the module's API: the kinds and the settings ({@code
 * smsportal.notifications.*}). Internal: {@code notice} (the notices, written by a synchronous
 * listener in the transaction of the event they tell of, the silent-poller check, the pages),
 * {@code mail} (the outbox's worker: claims a row, sends it, marks it) and {@code preference} (a
 * user's choices and their page). Nothing depends on it.
 */
package com.smsportal.notifications;
