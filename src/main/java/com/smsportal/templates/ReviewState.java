package com.smsportal.templates;

/** Where support's review of a signature or a template stands. Stored by name. */
public enum ReviewState {
  PENDING,
  APPROVED,
  REJECTED
}
