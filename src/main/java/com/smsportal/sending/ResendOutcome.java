package com.smsportal.sending;

/** What became of a request to resend a chunk whose outcome is unknown. */
public enum ResendOutcome {
  /** Queued again; the worker submits it once more. */
  RESENT,
  /** Refused: the person did not confirm that recipients may get the message twice. */
  NOT_CONFIRMED,
  /** The chunk's outcome is not unknown (or no longer): nothing to resend. */
  NOT_UNKNOWN,
  /** No such chunk of such a job in the current tenant. */
  NOT_FOUND
}
