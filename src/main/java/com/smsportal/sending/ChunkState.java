package com.smsportal.sending;

/**
 * Where a chunk (one submit to the gateway) stands. Only QUEUED is ever submitted; SUBMITTING is
 * written and committed before the call, so a chunk whose call may have reached the gateway is
 * never taken for one that did not.
 */
public enum ChunkState {
  /** Waiting for its turn (or its send time). */
  QUEUED,
  /** Its call to the gateway is under way, or was when the node stopped. */
  SUBMITTING,
  /** The gateway accepted it and gave a taskID. */
  SUBMITTED,
  /** The gateway refused it (or it could not be sent at all); nothing went out. */
  REJECTED,
  /** The call was made but no answer came: the messages may or may not have gone out. */
  UNKNOWN,
  /** Cancelled before it was submitted. */
  CANCELLED
}
