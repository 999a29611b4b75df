package com.smsportal.gatewayaccount.account;

/**
 * A gateway account's endpoint, userid or account changes without its password: the stored password
 * was given for the old gateway account and must not follow the row to the new one.
 */
class PasswordRequiredException extends RuntimeException {

  PasswordRequiredException() {
    super("the password must be entered again with a new endpoint, userid or account");
  }
}
