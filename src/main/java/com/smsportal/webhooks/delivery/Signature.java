package com.smsportal.webhooks.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature (https://www.standardwebhooks.com/): {@code v1,} + base64 of
 * HMAC-SHA256 over {@code webhook-id.webhook-timestamp.body}, keyed with the base64-decoded part of
 * the secret after {@code whsec_}. So a receiver checks it with the specification's libraries.
 */
public final class Signature {

  public static final String PREFIX = "whsec_";

  private Signature() {}

  /** The {@code webhook-signature} header's value. */
  public static String sign(String secret, String id, long timestamp, byte[] body) {
    if (!secret.startsWith(PREFIX)) {
      throw new IllegalArgumentException("not a signing secret");
    }
    byte[] key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
