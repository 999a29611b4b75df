package com.smsportal.webhooks.delivery;

import com.smsportal.secrets.PortalSecrets;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.stereotype.Component;

/**
 * Endpoints' signing secrets: made in the specification's form ({@code whsec_} + base64 of 32
 * random bytes), shown once, kept only sealed with the portal's key and bound to the endpoint, so a
 * sealed value copied onto another endpoint does not open. Never logged, never shown again.
 */
@Component
public class SigningSecrets {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final PortalSecrets secrets;

  SigningSecrets(PortalSecrets secrets) {
    this.secrets = secrets;
  }

  public static String fresh() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return Signature.PREFIX + Base64.getEncoder().encodeToString(key);
  }

  public String seal(String secret, long endpointId) {
    return secrets.seal(secret, binding(endpointId));
  }

  /** The endpoint's secret, for signing a delivery. */
  public String open(String sealed, long endpointId) {
    return secrets.open(sealed, binding(endpointId));
  }

  private static String binding(long endpointId) {
    return "webhook-endpoint/" + endpointId;
  }
}
