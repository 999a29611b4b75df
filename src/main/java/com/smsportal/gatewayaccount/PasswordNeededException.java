package com.smsportal.gatewayaccount;

/**
 * The account's stored password cannot be used where the account now points: it was encrypted for
 * another row or another gateway account (endpoint, userid, account), so it is refused rather than
 * sent somewhere it was never meant to go. Someone who knows it must enter it again on the
 * account's page; until then sends wait and the poller skips the account.
 */
public class PasswordNeededException extends RuntimeException {

  private final long accountId;

  public PasswordNeededException(long accountId) {
    super("the stored password of gateway account " + accountId + " must be entered again");
    this.accountId = accountId;
  }

  public long accountId() {
    return accountId;
  }
}
