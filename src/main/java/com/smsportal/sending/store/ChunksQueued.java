package com.smsportal.sending.store;

/**
 * Chunks were queued in the transaction under way (a job stored, an UNKNOWN chunk resent, a
 * scheduled job's time changed): this node's send worker should look for due chunks after its
 * commit instead of after its idle wait (issue 27).
 *
 * @param accountId the gateway account whose chunks they are
 */
public record ChunksQueued(long accountId) {}
