package com.smsportal.sending;

/** Whether a job still has chunks to submit. */
public enum JobState {
  /** Some chunk is queued or being submitted. */
  OPEN,
  /** Every chunk has an outcome (submitted, rejected or unknown). */
  FINISHED,
  /** A person cancelled the chunks not yet submitted. */
  CANCELLED
}
