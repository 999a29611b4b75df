package com.smsportal.sending;

/** How a number came onto the opt-out list. */
public enum OptOutSource {
  /** The recipient replied with an opt-out word (the poller added it). */
  REPLY,
  /** A person of the tenant added it. */
  MANUAL,
  /** A person of the tenant imported it from a file (the note names the file). */
  IMPORT
}
