package com.smsportal.gatewayaccount.account;

import com.smsportal.gateway.GatewayClient;
import com.smsportal.gateway.GatewayError;
import com.smsportal.gateway.GatewayException;
import com.smsportal.gateway.GatewayLogin;
import com.smsportal.gatewayaccount.endpoint.EndpointDirectory;
import com.smsportal.gatewayaccount.endpoint.EndpointView;
import org.springframework.stereotype.Service;

/**
 * Asks the gateway whether it accepts a password for a gateway account ({@code overage}), before a
 * form stores it (issue 20): a gateway account is claimed in the portal only with a password the
 * gateway has accepted, so nobody can block its owner by registering it with a wrong one. Called
 * outside any transaction; the password goes to the gateway client only.
 */
@Service
class GatewayPasswordCheck {

  /** What the gateway said of the password. */
  enum Outcome {
    /** It answered the balance: the password is right for this gateway account. */
    ACCEPTED,
    /** It refused the userid, account and password together. */
    REFUSED,
    /** No answer that says either (unreachable, garbage, any other error): unverified for now. */
    NOT_ANSWERED
  }

  private final EndpointDirectory endpoints;
  private final GatewayClient client;

  GatewayPasswordCheck(EndpointDirectory endpoints, GatewayClient client) {
    this.endpoints = endpoints;
    this.client = client;
  }

  /** This gateway account and password, at its endpoint (an active one, checked before). */
  Outcome check(AccountSettings account, String password) {
    EndpointView endpoint = endpoints.findActive(account.endpointId()).orElse(null);
    if (endpoint == null) {
      return Outcome.NOT_ANSWERED;
    }
    GatewayLogin login =
        new GatewayLogin(
            endpoint.baseUrl(),
            account.charset(),
            account.userid().strip(),
            account.account().strip(),
            password);
    try {
      client.overage(login);
      return Outcome.ACCEPTED;
    } catch (GatewayException failure) {
      return failure.error() == GatewayError.WRONG_CREDENTIALS
              || failure.error() == GatewayError.EMPTY_CREDENTIALS
          ? Outcome.REFUSED
          : Outcome.NOT_ANSWERED;
    } catch (RuntimeException unreachable) {
      return Outcome.NOT_ANSWERED;
    }
  }
}
