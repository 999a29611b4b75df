package com.smsportal.user.throttle;

/** How one login attempt ended, as recorded in {@code login_attempt}. */
public enum LoginOutcome {
  SUCCESS,
  BAD_CREDENTIALS,
  LOCKED,
  DISABLED,
  /** The right password, now waiting for the second factor. */
  CODE_NEEDED,
  /** A wrong second-factor code after the right password. */
  BAD_CODE,
  /** The right one-time password, but it had expired. */
  EXPIRED
}
