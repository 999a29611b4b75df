/**
 * The poller: drains every active account's two fetch-once queues at the gateway (status reports
 * and replies) on a schedule, one node per account at a time (ShedLock). Each answer is committed
 * to a raw inbox before it is read, or written to a disk spool when the database cannot take it;
 * then its items go to the module that stores them, {@link com.smsportal.receipts.StatusReports} or
 * {@link com.smsportal.replies.Replies}, in the transaction that marks the answer processed. Also
 * {@code /admin/pollers}: each account's rounds, the backlog, the spool, and the answers that need
 * an administrator.
 */
package com.smsportal.polling;
