/**
 * The job pages ({@code /jobs}: list, progress, chunks, numbers, CSV export, resend, cancel, edit)
 * and the read models they show ({@link com.smsportal.sending.jobs.JobQueries}).
 */
package com.smsportal.sending.jobs;
