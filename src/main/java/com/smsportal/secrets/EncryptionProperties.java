package com.smsportal.secrets;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code smsportal.encryption.*}: the key that encrypts gateway credentials ({@code key}, base64 of
 * 32 bytes, from SMSPORTAL_ENCRYPTION_KEY, or {@code key-file}, a file holding that base64), the id
 * it is known by ({@code key-id}), and older keys that still decrypt ({@code old-keys.<id>}).
 */
@ConfigurationProperties("smsportal.encryption")
record EncryptionProperties(String key, String keyFile, String keyId, Map<String, String> oldKeys) {

  static final String DEFAULT_KEY_ID = "k1";

  EncryptionProperties {
    key = key == null ? "" : key;
    keyFile = keyFile == null ? "" : keyFile;
    keyId = keyId == null || keyId.isBlank() ? DEFAULT_KEY_ID : keyId.strip();
    oldKeys = oldKeys == null ? Map.of() : Map.copyOf(oldKeys);
  }

  @Override
  public String toString() {
    return "EncryptionProperties[keyId=" + keyId + ", oldKeyIds=" + oldKeys.keySet() + "]";
  }
}
