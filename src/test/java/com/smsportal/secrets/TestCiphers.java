package com.smsportal.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Ciphers and stored values for the tests of the modules that keep encrypted values: under keys
 * made up on the spot, never the portal's own. Tests only.
 */
public final class TestCiphers {

  private TestCiphers() {}

  /** A cipher whose current key is {@code current}, and which also reads under the others. */
  public static CredentialCipher under(String current, Map<String, SecretKey> keys) {
    return new CredentialCipher(new EncryptionKeys(current, keys));
  }

  /** 32 random bytes as an AES key. */
  public static SecretKey randomKey() {
    byte[] bytes = new byte[EncryptionKeys.KEY_BYTES];
    new SecureRandom().nextBytes(bytes);
    return key(Base64.getEncoder().encodeToString(bytes));
  }

  /** The key of a base64 setting, as the portal reads it. */
  public static SecretKey key(String base64) {
    return EncryptionKeys.decode(base64, "test key");
  }

  /**
   * A value as the first format wrote it: AES-GCM with the associated data {@code
   * v1:<keyId>:<where>}.
   */
  public static String legacyValue(SecretKey key, String keyId, String secret, String where) {
    try {
      byte[] iv = new byte[12];
      new SecureRandom().nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
      cipher.updateAAD(("v1:" + keyId + ":" + where).getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[iv.length + sealed.length];
      System.arraycopy(iv, 0, out, 0, iv.length);
      System.arraycopy(sealed, 0, out, iv.length, sealed.length);
      return "v1:" + keyId + ":" + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
