package com.smsportal;

import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayEndpoints;

/** Gateway endpoints for tests' own accounts. */
public final class TestEndpoints {

  private TestEndpoints() {}

  /** The endpoint of this address, named after it, created if missing. */
  public static long of(GatewayEndpoints endpoints, String baseUrl) {
    return endpoints.ensure(baseUrl, baseUrl, GatewayCharset.UTF8);
  }

  /**
   * This test context's simulator, spelled with 127.0.0.1: the demo's own endpoint (localhost) is
   * re-pointed whenever another test context starts on another port, so tests never share it.
   */
  public static String simulator(int port) {
    return "http://127.0.0.1:" + port + "/simulator";
  }
}
