package com.smsportal.polling;

/** The gateway answered something that cannot be read; it is kept in the inbox for an admin. */
class UnreadableAnswerException extends RuntimeException {

  private final long inboxId;

  UnreadableAnswerException(long inboxId) {
    super("unreadable answer " + inboxId + " kept for an administrator");
    this.inboxId = inboxId;
  }

  long inboxId() {
    return inboxId;
  }
}
