package com.smsportal.sending;

/**
 * Where one recipient's message stands. DELIVERED and FAILED come from the status reports; the
 * others follow the number's chunk.
 */
public enum NumberState {
  QUEUED,
  SUBMITTED,
  DELIVERED,
  FAILED,
  REJECTED,
  UNKNOWN,
  CANCELLED,
  /**
   * Left out when its chunk was submitted: the number went onto the opt-out list after the job was
   * stored.
   */
  OPTED_OUT,
  /**
   * Left out when its chunk was submitted: the number had reached a flood limit per number (issue
   * 26) after the job was stored. Stored as {@code 'LIMITED'}.
   */
  LIMITED;

  public static NumberState of(ChunkState chunk) {
    return switch (chunk) {
      case QUEUED, SUBMITTING -> QUEUED;
      case SUBMITTED -> SUBMITTED;
      case REJECTED -> REJECTED;
      case UNKNOWN -> UNKNOWN;
      case CANCELLED -> CANCELLED;
    };
  }
}
