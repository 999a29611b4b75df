package com.smsportal.api.key;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an API key looks like: {@code smsp_} + a key id of 10 base62 characters (the part the list
 * shows, and the look-up) + {@code _} + a secret of 32 base62 characters (190 bits). Only the
 * SHA-256 of the secret is stored: a secret that random needs no slow hash, and a stolen table
 * gives no key.
 */
final class KeyFormat {

  static final String PREFIX = "smsp_";
  static final int ID_LENGTH = 10;
  static final int SECRET_LENGTH = 32;

  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final Pattern KEY =
      Pattern.compile("smsp_([0-9A-Za-z]{" + ID_LENGTH + "})_([0-9A-Za-z]{" + SECRET_LENGTH + "})");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A key as given to its owner once, and its parts. */
  record Issued(String keyId, String secret) {

    String key() {
      return PREFIX + keyId + "_" + secret;
    }

    /** What the list shows of it: recognisable, useless alone. */
    String shownPrefix() {
      return PREFIX + keyId;
    }
  }

  /** A key as a request gave it. */
  record Presented(String keyId, String secret) {}

  private KeyFormat() {}

  static Issued issue() {
    return new Issued(random(ID_LENGTH), random(SECRET_LENGTH));
  }

  static Optional<Presented> parse(String key) {
    Matcher m = KEY.matcher(key == null ? "" : key.strip());
    return m.matches() ? Optional.of(new Presented(m.group(1), m.group(2))) : Optional.empty();
  }

  static String hash(String secret) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(secret.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** Whether the secret's hash is the stored one, in time independent of where they differ. */
  static boolean matches(String secret, String storedHash) {
    return MessageDigest.isEqual(
        hash(secret).getBytes(StandardCharsets.US_ASCII),
        storedHash.getBytes(StandardCharsets.US_ASCII));
  }

  private static String random(int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(BASE62.charAt(RANDOM.nextInt(BASE62.length())));
    }
    return out.toString();
  }
}
