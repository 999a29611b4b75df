package com.smsportal.gatewayaccount.rotation;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * New gateway passwords. The vendor does not document which characters it accepts, so we keep to
 * letters and digits, which every such system takes.
 */
final class GatewayPasswords {

  static final int MIN_LENGTH = 8;
  static final int MAX_LENGTH = 32;
  static final int GENERATED_LENGTH = 16;
  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9]{8,32}");
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private final SecureRandom random = new SecureRandom();

  /** 16 random letters and digits (about 95 bits), with at least one capital, small and digit. */
  String generate() {
    while (true) {
      char[] password = new char[GENERATED_LENGTH];
      for (int i = 0; i < password.length; i++) {
        password[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
      }
      String candidate = new String(password);
      // Some gateways insist on mixed characters; a rare redraw costs nothing.
      if (candidate.chars().anyMatch(Character::isUpperCase)
          && candidate.chars().anyMatch(Character::isLowerCase)
          && candidate.chars().anyMatch(Character::isDigit)) {
        return candidate;
      }
    }
  }

  /** Whether an administrator's own choice is one we may send: 8–32 letters and digits. */
  static boolean acceptable(String password) {
    return password != null && ALLOWED.matcher(password).matches();
  }
}
