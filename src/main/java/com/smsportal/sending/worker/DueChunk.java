package com.smsportal.sending.worker;

import com.smsportal.sending.store.SendChunk;

/** A chunk due for submission, or found cut off mid-submit, as the worker read it. */
record DueChunk(long chunkId, long tenantId, long jobId, long accountId, int attempts) {

  static DueChunk of(SendChunk chunk) {
    return new DueChunk(
        chunk.getId(),
        chunk.getTenantId(),
        chunk.getJobId(),
        chunk.getAccountId(),
        chunk.getAttempts());
  }
}
