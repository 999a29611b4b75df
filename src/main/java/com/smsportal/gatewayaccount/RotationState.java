package com.smsportal.gatewayaccount;

/**
 * Where a gateway account stands in a rotation of its password. Anything but {@link #NONE} means
 * the portal may not be sure which password the gateway accepts: sends and pollers wait.
 */
public enum RotationState {
  /** The current password is the valid one. */
  NONE,
  /** A new password is stored and the change is being asked of the gateway. */
  PENDING,
  /** The gateway's answer did not come or could not be read: either password may be valid. */
  IN_DOUBT;

  /** Whether the account may be used for calls to the gateway. */
  public boolean settled() {
    return this == NONE;
  }
}
