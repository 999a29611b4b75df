package com.smsportal.secrets;

import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 keys that protect gateway credentials: the current one, which encrypts, and older
 * ones, which only decrypt until the re-encryption command has moved every value to the current
 * key. Key material never appears in a message or a log line, only key ids do.
 */
record EncryptionKeys(String currentId, Map<String, SecretKey> keys) {

  static final int KEY_BYTES = 32;
  static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

  EncryptionKeys {
    keys = Map.copyOf(keys);
    if (!keys.containsKey(currentId)) {
      throw new IllegalArgumentException("no key for the current key id '" + currentId + "'");
    }
  }

  SecretKey current() {
    return keys.get(currentId);
  }

  static void checkId(String id, String setting) {
    if (id == null || !KEY_ID.matcher(id).matches()) {
      throw new IllegalStateException(
          setting + " must be 1 to 32 letters, digits, '-' or '_' (it names a key, it is not one)");
    }
  }

  /** Decodes a base64 key, naming the setting it came from if it is not 32 bytes of base64. */
  static SecretKey decode(String base64, String setting) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(setting + " is not valid base64");
    }
    if (bytes.length != KEY_BYTES) {
      throw new IllegalStateException(
          setting
              + " must be the base64 of "
              + KEY_BYTES
              + " random bytes (AES-256), but it decodes to "
              + bytes.length
              + " bytes; generate one with: openssl rand -base64 32");
    }
    return new SecretKeySpec(bytes, "AES");
  }
}
