/**
 * The job pages: {@code /jobs} (list, progress, chunks, numbers, CSV export, resend, cancel) and
 * the edit of a scheduled job, through {@link com.smsportal.sending.SendJobs} and {@link
 * com.smsportal.sending.store.JobEdits}.
 */
package com.smsportal.sending.jobs;
