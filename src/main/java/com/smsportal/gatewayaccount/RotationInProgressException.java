package com.smsportal.gatewayaccount;

/**
 * The account's password is being rotated, or the rotation's outcome is not yet known: the portal
 * cannot say which password is valid, so nothing may call the gateway with it until the rotation is
 * resolved. Callers (senders, pollers) skip the account and try again later.
 */
public class RotationInProgressException extends RuntimeException {

  private final long accountId;
  private final RotationState state;

  public RotationInProgressException(long accountId, RotationState state) {
    super("gateway account " + accountId + " is in password rotation (" + state + ")");
    this.accountId = accountId;
    this.state = state;
  }

  public long accountId() {
    return accountId;
  }

  public RotationState state() {
    return state;
  }
}
