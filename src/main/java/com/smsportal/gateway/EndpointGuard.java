package com.smsportal.gateway;

/**
 * Which base URLs the client may call: only the gateway endpoints the portal's administrators
 * allow. {@link GatewayClient} asks before every request, so no code path can send a stored
 * password to an address somebody typed. The module that owns the endpoints provides it.
 */
@FunctionalInterface
public interface EndpointGuard {

  /**
   * Whether requests may go to this base URL (as {@link GatewayLogin#baseUrl()} holds it). Must not
   * throw: when it cannot tell, the answer is no.
   */
  boolean permits(String baseUrl);
}
