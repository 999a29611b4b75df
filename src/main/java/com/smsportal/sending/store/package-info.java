/**
 * Job storage: the job, chunk and number entities; storing a send order as a job with all its
 * numbers, once per idempotency key ({@link com.smsportal.sending.store.JobStore}); a person's
 * resend, cancel and edit of a scheduled job ({@link com.smsportal.sending.store.JobEdits}).
 */
package com.smsportal.sending.store;
