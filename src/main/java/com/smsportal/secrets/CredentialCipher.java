package com.smsportal.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.springframework.stereotype.Component;

/**
 * Encrypts gateway credentials with AES-256-GCM. A stored value reads {@code v2:<keyId>:<base64(iv
 * | ciphertext | tag)>}: a fresh 12-byte IV per value, and the key id so that a new key can be
 * introduced while old values still decrypt. The associated data binds a value to where it is
 * stored and where it goes (its {@link Binding}): copied elsewhere, it is refused.
 *
 * <p>Only the gateway accounts' module uses it, for their passwords (it is the only module that
 * ever holds a decrypted gateway password); other modules seal their secrets with {@link
 * PortalSecrets}, whose bindings can never be taken for a gateway credential's.
 *
 * <p>Values of the first format, {@code v1}, were bound to their column and tenant only; the
 * gateway accounts' module reads them once at start-up and writes them again as {@code v2}.
 */
@Component
public class CredentialCipher {

  static final String VERSION = "v2";
  static final String LEGACY_VERSION = "v1";
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final EncryptionKeys keys;
  private final SecureRandom random = new SecureRandom();

  CredentialCipher(EncryptionKeys keys) {
    this.keys = keys;
  }

  /**
   * Where a value is kept and where it goes, as the associated data of its ciphertext: a value
   * copied elsewhere, whose binding differs, fails authentication.
   */
  @FunctionalInterface
  public interface Binding {

    /** The associated data; no two places may give the same text. */
    String context();
  }

  /** Encrypts under the current key, bound to {@code binding}. */
  public String encrypt(String plaintext, Binding binding) {
    return encrypt(plaintext, binding.context());
  }

  /**
   * The secret stored under {@code binding}. Throws {@link CredentialCipherException} (naming a key
   * id at most, never a secret) when it cannot be read: another binding, an unknown key, altered.
   */
  public String decrypt(String stored, Binding binding) {
    return decrypt(stored, VERSION, binding.context());
  }

  /** Reads a value of the current format bound to {@code context}; for {@link PortalSecrets}. */
  String decrypt(String stored, String context) {
    return decrypt(stored, VERSION, context);
  }

  /** Reads a value of the first format, bound to where it lived then ({@code legacy}). */
  public String decryptLegacy(String stored, Binding legacy) {
    return decrypt(stored, LEGACY_VERSION, legacy.context());
  }

  /** Whether the value is of the first format, which {@link #decrypt} no longer reads. */
  public static boolean isLegacy(String stored) {
    return stored != null && stored.startsWith(LEGACY_VERSION + ":");
  }

  /** Encrypts under the current key, bound to {@code context}; for {@link PortalSecrets}. */
  String encrypt(String plaintext, String context) {
    String keyId = keys.currentId();
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.ENCRYPT_MODE, keys.current(), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(aad(VERSION, keyId, context));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
      return VERSION + ":" + keyId + ":" + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available: " + e.getClass().getName());
    }
  }

  private String decrypt(String stored, String version, String context) {
    String[] parts = stored == null ? new String[0] : stored.split(":", 3);
    if (parts.length != 3 || !version.equals(parts[0])) {
      throw new CredentialCipherException("not an encrypted credential of format " + version);
    }
    String keyId = parts[1];
    SecretKey key = keys.keys().get(keyId);
    if (key == null) {
      throw new CredentialCipherException(
          "a credential is encrypted under key id '"
              + keyId
              + "', which is not configured (add it as smsportal.encryption.old-keys."
              + keyId
              + ")");
    }
    try {
      byte[] in = Base64.getDecoder().decode(parts[2]);
      if (in.length < IV_BYTES + TAG_BITS / 8) {
        throw new CredentialCipherException("an encrypted credential is truncated");
      }
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
      cipher.updateAAD(aad(version, keyId, context));
      byte[] plain = cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new CredentialCipherException(
          "a credential under key id '"
              + keyId
              + "' failed authentication: it was altered, moved, or the key is wrong");
    } catch (IllegalArgumentException e) {
      throw new CredentialCipherException("an encrypted credential is not valid base64");
    } catch (GeneralSecurityException e) {
      throw new CredentialCipherException(
          "a credential under key id '" + keyId + "' cannot be decrypted: " + e.getClass());
    }
  }

  /** True when the value is already under the current key. */
  public boolean isCurrent(String stored) {
    return stored != null && stored.startsWith(VERSION + ":" + keys.currentId() + ":");
  }

  /** The same secret under the current key (a new IV), or the value itself if already current. */
  public String reencrypt(String stored, Binding binding) {
    return isCurrent(stored) ? stored : encrypt(decrypt(stored, binding), binding);
  }

  private static byte[] aad(String version, String keyId, String context) {
    return (version + ":" + keyId + ":" + context).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A stored credential cannot be read. The message names key ids, never key or secret. {@link
   * #unknownKey()} tells a missing key (an operator's configuration) from a value that does not
   * belong where it is (moved, or its account now points elsewhere).
   */
  public static class CredentialCipherException extends IllegalStateException {

    private final boolean unknownKey;

    CredentialCipherException(String message) {
      this(message, false);
    }

    CredentialCipherException(String message, boolean unknownKey) {
      super(message);
      this.unknownKey = unknownKey;
    }

    public boolean unknownKey() {
      return unknownKey;
    }
  }
}
