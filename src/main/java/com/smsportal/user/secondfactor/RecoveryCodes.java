package com.smsportal.user.secondfactor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Recovery codes: 24 characters of Crockford's base32 in groups of four, 120 random bits each. At
 * 112 bits or more ASVS 5.0 (6.5.2) allows a plain hash, so a code is stored as its SHA-256 and
 * found by it. Typing is forgiving: case, spaces and dashes do not matter, and I, L and O read as
 * 1, 1 and 0.
 */
final class RecoveryCodes {

  static final int COUNT = 10;
  private static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
  private static final int LENGTH = 24;
  private static final int GROUP = 4;
  private static final SecureRandom RANDOM = new SecureRandom();

  private RecoveryCodes() {}

  static List<String> generate() {
    List<String> codes = new ArrayList<>(COUNT);
    for (int n = 0; n < COUNT; n++) {
      StringBuilder code = new StringBuilder();
      for (int i = 0; i < LENGTH; i++) {
        if (i > 0 && i % GROUP == 0) {
          code.append('-');
        }
        code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
      }
      codes.add(code.toString());
    }
    return codes;
  }

  /** The code as stored (its SHA-256, hex), or null if the text cannot be a recovery code. */
  static String hashOf(String typed) {
    String code = normalize(typed);
    if (code.length() != LENGTH || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
      return null;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available");
    }
  }

  private static String normalize(String typed) {
    if (typed == null) {
      return "";
    }
    return typed
        .toLowerCase(Locale.ROOT)
        .replaceAll("[\\s-]", "")
        .replace('i', '1')
        .replace('l', '1')
        .replace('o', '0');
  }
}
