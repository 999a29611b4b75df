package com.smsportal.gatewayaccount;

/** The chosen gateway endpoint does not exist or has been retired. */
class EndpointUnavailableException extends RuntimeException {

  EndpointUnavailableException() {
    super("not an active gateway endpoint");
  }
}
