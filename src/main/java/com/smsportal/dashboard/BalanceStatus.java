package com.smsportal.dashboard;

/** What the dashboard knows of one gateway account's balance. */
public enum BalanceStatus {
  /** The gateway told the balance. */
  OK,
  /** The gateway could not be asked or refused; the row says why. */
  FAILED,
  /** The account's password is being rotated: nothing may call the gateway with it now. */
  ROTATING,
  /** The account is switched off in the portal; it is not asked. */
  INACTIVE,
  /** Asked, but no answer yet: the row asks again by itself. */
  PENDING
}
