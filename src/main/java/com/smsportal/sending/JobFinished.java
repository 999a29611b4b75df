package com.smsportal.sending;

import java.time.Instant;

/**
 * Published in the transaction that marks a send job {@link JobState#FINISHED} (every chunk has the
 * gateway's answer: submitted, rejected or unknown), so that a listener (the webhooks' outbox)
 * writes what it keeps of it in the same transaction. A job reopened by a resend and finished again
 * is published again, with its new time.
 *
 * @param createdBy the user name of who sent it (the notice of its end goes to them)
 * @param unknownChunks its chunks whose outcome is unknown (no answer came: a person decides)
 */
public record JobFinished(
    long tenantId, long jobId, long accountId, Instant at, String createdBy, long unknownChunks) {}
