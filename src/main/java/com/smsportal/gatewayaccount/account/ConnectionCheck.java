package com.smsportal.gatewayaccount.account;

import com.smsportal.gateway.Balance;
import com.smsportal.gateway.GatewayException;
import com.smsportal.gatewayaccount.AccountCall;
import java.io.Serializable;

/**
 * What "test connection" found: the balance and pay mode, or the gateway's error with its own
 * message. Pages show the translated explanation of {@code errorKey} next to the upstream text.
 * Serializable: it reaches the account page in the flash attributes, kept in the session store.
 */
record ConnectionCheck(
    boolean ok,
    String payInfo,
    boolean prepaid,
    long overage,
    long sendTotal,
    String errorKey,
    String errorArgument,
    String upstreamMessage)
    implements Serializable {

  static ConnectionCheck of(Balance balance) {
    return new ConnectionCheck(
        true,
        balance.payInfo(),
        balance.prepaid(),
        balance.overage(),
        balance.sendTotal(),
        null,
        null,
        null);
  }

  static ConnectionCheck waitingForRotation() {
    return new ConnectionCheck(
        false, null, false, 0, 0, "accounts.connection.rotating", null, null);
  }

  static ConnectionCheck passwordNeeded() {
    return new ConnectionCheck(
        false, null, false, 0, 0, AccountCall.PASSWORD_NEEDED_KEY, null, null);
  }

  static ConnectionCheck of(GatewayException failure) {
    return new ConnectionCheck(
        false,
        null,
        false,
        0,
        0,
        failure.error().readMessageKey(),
        failure.messageArgument(),
        failure.upstreamMessage());
  }
}
