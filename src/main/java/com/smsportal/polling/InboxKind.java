package com.smsportal.polling;

/** Which fetch-once queue an answer came from. */
public enum InboxKind {
  /** {@code statusApi.aspx}: delivery status reports. */
  REPORTS,
  /** {@code callApi.aspx}: replies. */
  REPLIES
}
