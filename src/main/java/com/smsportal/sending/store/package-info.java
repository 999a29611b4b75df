/**
 * Job storage: the job, chunk and number entities; storing a send order as a job with all its
 * numbers, once per idempotency key ({@link com.smsportal.sending.store.JobStore}, its one
 * transaction {@link com.smsportal.sending.store.JobInsert}) within the tenant's limits ({@link
 * com.smsportal.sending.store.SendQuota}); a person's resend, cancel and edit of a stored job
 * ({@link com.smsportal.sending.store.JobEdits}); and the read models the pages show ({@link
 * com.smsportal.sending.store.JobQueries}).
 */
package com.smsportal.sending.store;
