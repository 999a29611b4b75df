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
  CANCELLED;

  static NumberState of(ChunkState chunk) {
    return switch (chunk) {
      case QUEUED, SUBMITTING -> QUEUED;
      case SUBMITTED -> SUBMITTED;
      case REJECTED -> REJECTED;
      case UNKNOWN -> UNKNOWN;
      case CANCELLED -> CANCELLED;
    };
  }
}
