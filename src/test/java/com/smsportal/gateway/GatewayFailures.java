package com.smsportal.gateway;

/** The gateway's errors as the client makes them, for tests of its callers. */
public final class GatewayFailures {

  private GatewayFailures() {}

  /** The gateway answered and refused, in its own words. */
  public static GatewayException refused(GatewayError error, String upstreamMessage) {
    return GatewayException.of(error, upstreamMessage, "<returnsms/>");
  }
}
