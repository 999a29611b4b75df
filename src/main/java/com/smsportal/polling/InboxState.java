package com.smsportal.polling;

/** Where a stored answer stands. */
public enum InboxState {
  /** Stored, its items not yet: the poller (or the next start) processes it. */
  NEW,
  /** Its items are stored. */
  PROCESSED,
  /** It could not be read: kept as it came, for an administrator. */
  UNPARSEABLE
}
