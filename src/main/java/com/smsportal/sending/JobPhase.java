package com.smsportal.sending;

/**
 * Where a job stands as its sender reads it, derived from its chunks and numbers ({@link
 * JobProgress#of}): "finished" only once every number has its outcome, never when the numbers were
 * merely handed to the gateway.
 */
public enum JobPhase {
  /** Waits for its send time; nothing has gone to the gateway yet, and it may still be changed. */
  SCHEDULED,
  /** Its chunks are being submitted to the gateway. */
  SENDING,
  /** Every chunk has its answer; some submitted numbers still wait for their status report. */
  AWAITING_RECEIPTS,
  /**
   * Every number has its outcome: delivered, failed, not sent, or unknown (no answer from the
   * gateway, or no report a day after the last submit).
   */
  FINISHED,
  /** Cancelled before anything was submitted. */
  CANCELLED
}
