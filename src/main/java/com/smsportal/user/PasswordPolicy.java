package com.smsportal.user;

import java.util.Locale;
import java.util.Optional;

/**
 * What a password a user chooses must be: at least 10 characters (at most 128), with a letter and a
 * digit, and not containing the user name. Answers the message key of the first rule broken.
 */
final class PasswordPolicy {

  static final int MIN_LENGTH = 10;
  static final int MAX_LENGTH = 128;

  private PasswordPolicy() {}

  static Optional<String> violation(String password, String username) {
    if (password == null || password.length() < MIN_LENGTH) {
      return Optional.of("password.error.short");
    }
    if (password.length() > MAX_LENGTH) {
      return Optional.of("password.error.long");
    }
    boolean letter = password.codePoints().anyMatch(Character::isLetter);
    boolean digit = password.codePoints().anyMatch(Character::isDigit);
    if (!letter || !digit) {
      return Optional.of("password.error.mix");
    }
    if (!username.isEmpty()
        && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
      return Optional.of("password.error.username");
    }
    return Optional.empty();
  }
}
