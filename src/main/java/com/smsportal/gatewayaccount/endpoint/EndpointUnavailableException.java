package com.smsportal.gatewayaccount.endpoint;

/** The chosen gateway endpoint does not exist or has been retired. */
public class EndpointUnavailableException extends RuntimeException {

  EndpointUnavailableException() {
    super("not an active gateway endpoint");
  }
}
