package com.smsportal.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the credential keys at start-up: the configured key, else the key file, else (demo only) a
 * key the demo generated once in its data directory. Without any, the portal refuses to start: it
 * must not store gateway passwords it could not read back after a restart.
 */
final class EncryptionKeysLoader {

  static final String DEMO_KEY_FILE = "encryption.key";
  static final String MISSING =
      "No encryption key for gateway credentials. Set SMSPORTAL_ENCRYPTION_KEY to the base64 of"
          + " 32 random bytes (generate one with: openssl rand -base64 32), or point"
          + " smsportal.encryption.key-file at a file holding it. Keep it safe: stored gateway"
          + " passwords cannot be read without it.";

  private static final Logger log = LoggerFactory.getLogger(EncryptionKeysLoader.class);

  private EncryptionKeysLoader() {}

  static EncryptionKeys load(EncryptionProperties properties, boolean demo, Path dataDir) {
    EncryptionKeys.checkId(properties.keyId(), "smsportal.encryption.key-id");
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    properties
        .oldKeys()
        .forEach(
            (id, value) -> {
              EncryptionKeys.checkId(id, "smsportal.encryption.old-keys." + id);
              keys.put(id, EncryptionKeys.decode(value, "smsportal.encryption.old-keys." + id));
            });
    keys.put(properties.keyId(), currentKey(properties, demo, dataDir));
    return new EncryptionKeys(properties.keyId(), keys);
  }

  private static SecretKey currentKey(EncryptionProperties properties, boolean demo, Path dataDir) {
    if (!properties.key().isBlank()) {
      return EncryptionKeys.decode(properties.key(), "SMSPORTAL_ENCRYPTION_KEY");
    }
    if (!properties.keyFile().isBlank()) {
      return EncryptionKeys.decode(
          read(Path.of(properties.keyFile())), "The key file " + properties.keyFile());
    }
    if (demo) {
      return EncryptionKeys.decode(demoKey(dataDir.resolve(DEMO_KEY_FILE)), "The demo key file");
    }
    throw new IllegalStateException(MISSING);
  }

  /** The demo's own key: generated on the first start, owner-readable only, reused afterwards. */
  private static String demoKey(Path file) {
    if (Files.exists(file)) {
      return read(file);
    }
    byte[] key = new byte[EncryptionKeys.KEY_BYTES];
    new SecureRandom().nextBytes(key);
    String encoded = Base64.getEncoder().encodeToString(key);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(file);
      }
      Files.writeString(file, encoded + "\n", StandardCharsets.US_ASCII);
    } catch (FileAlreadyExistsException e) {
      // Another start won the race; use its key.
      return read(file);
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot create the demo's encryption key file " + file.toAbsolutePath() + ": " + e);
    }
    log.info(
        "Generated the demo's encryption key for gateway credentials in {}",
        file.toAbsolutePath().normalize());
    return encoded;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot read the encryption key file " + file.toAbsolutePath() + ": " + e.getClass());
    }
  }
}
