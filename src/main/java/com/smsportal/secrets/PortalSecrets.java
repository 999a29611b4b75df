package com.smsportal.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Seals the few secrets other modules must keep readable (a user's second-factor key) with the
 * portal's credential key: AES-256-GCM as for gateway passwords, under the same current key and key
 * rotation, bound to where the value is stored so that a value copied elsewhere does not open.
 * Bindings live in their own namespace and can never be taken for a gateway credential's.
 *
 * <p>A module that keeps sealed values implements {@link SealedSecrets}, so that the key rotation
 * command ({@code --smsportal.reencrypt-credentials}) moves them to the new key as well.
 */
@Component
public class PortalSecrets {

  private static final String NAMESPACE = "portal-secret/";

  private static final String DERIVED = "smsportal derived key/";

  private final CredentialCipher cipher;
  private final EncryptionKeys keys;

  PortalSecrets(CredentialCipher cipher, EncryptionKeys keys) {
    this.cipher = cipher;
    this.keys = keys;
  }

  /**
   * A 256-bit key for {@code purpose} (an HMAC key, say), derived from the portal's key, which is
   * never in the database: HMAC-SHA256(key, purpose). Derived from the current key first, then from
   * each older key still configured, so that what was signed before a key rotation can still be
   * checked until the old key is dropped.
   */
  public List<byte[]> derivedKeys(String purpose) {
    List<byte[]> derived = new ArrayList<>();
    derived.add(derive(keys.current(), purpose));
    keys.keys()
        .forEach(
            (id, key) -> {
              if (!id.equals(keys.currentId())) {
                derived.add(derive(key, purpose));
              }
            });
    return derived;
  }

  private static byte[] derive(SecretKey key, String purpose) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
      return mac.doFinal((DERIVED + purpose).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** The secret encrypted under the current key, bound to {@code binding} (where it is kept). */
  public String seal(String secret, String binding) {
    return cipher.encrypt(secret, NAMESPACE + binding);
  }

  /**
   * The secret sealed under {@code binding}. Throws {@link IllegalStateException} (naming a key id
   * at most, never a secret) when it cannot be read: another binding, an unknown key, altered.
   */
  public String open(String sealed, String binding) {
    return cipher.decrypt(sealed, NAMESPACE + binding);
  }

  /** The same secret under the current key (a new IV), or the value itself if already current. */
  public String reseal(String sealed, String binding) {
    return cipher.isCurrent(sealed) ? sealed : seal(open(sealed, binding), binding);
  }

  /** Sealed values another module keeps, which key rotation must re-encrypt. */
  public interface SealedSecrets {

    /** What these are, for the log line of the rotation command ("second-factor keys"). */
    String description();

    /** Re-encrypts every value not under the current key with {@link #reseal}; the count. */
    int resealAll();
  }
}
