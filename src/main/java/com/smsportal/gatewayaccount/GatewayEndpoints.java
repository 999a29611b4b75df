package com.smsportal.gatewayaccount;

import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.endpoint.EndpointAdministration;
import org.springframework.stereotype.Service;

/**
 * The gateway endpoints' facade for other modules: the system's own set-up of an endpoint (the
 * demo, tests). Administrators manage the endpoints on their pages ({@code /admin/endpoints}), and
 * accounts choose among them; nobody else ever types an address.
 */
@Service
public class GatewayEndpoints {

  private final EndpointAdministration administration;

  GatewayEndpoints(EndpointAdministration administration) {
    this.administration = administration;
  }

  /**
   * The endpoint of this name points at this address afterwards, created if missing; an endpoint
   * that already has the address is reused as it is. Its id.
   */
  public long ensure(String name, String baseUrl, GatewayCharset charset) {
    return administration.ensure(name, baseUrl, charset);
  }
}
