package com.smsportal.sending.store;

/**
 * Chunks were queued in the transaction under way (a job was stored): this node's send worker
 * should look for due chunks after its commit instead of after its idle wait (issue 27).
 *
 * @param accountId the gateway account whose chunks they are
 */
public record ChunksQueued(long accountId) {}
