package com.smsportal.tenant;

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

  private final CredentialCipher cipher;

  PortalSecrets(CredentialCipher cipher) {
    this.cipher = cipher;
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
