package com.smsportal.user;

/** How one login attempt ended, as recorded in {@code login_attempt}. */
public enum LoginOutcome {
  SUCCESS,
  BAD_CREDENTIALS,
  LOCKED,
  DISABLED
}
