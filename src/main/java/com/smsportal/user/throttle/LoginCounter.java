package com.smsportal.user.throttle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One counter of {@code login_counter} ({@link LoginCounters}): what it counts, its key, and the
 * names shown to administrators ({@code username} null for a name that does not exist).
 */
record LoginCounter(Kind kind, String key, String username, String client) {

  /** What is counted; the prefix of its key. */
  enum Kind {
    /** Wrong passwords of one user name from one address: locks the name there. */
    USER_ADDRESS("ua"),
    /** Wrong passwords of one user name from every address: slows the name down. */
    USER("us"),
    /** Failed logins from one address, whatever the names: slows the address down. */
    CLIENT("cl"),
    /** Wrong second-factor codes of one user: locks the codes. */
    CODES("co"),
    /** Wrong codes of one pending sign-in: ends it. */
    SIGN_IN("si"),
    /** A sign-in of the user from the address: its address is the user's own for a while. */
    KNOWN("kn");

    final String prefix;

    Kind(String prefix) {
      this.prefix = prefix;
    }
  }

  static LoginCounter of(Kind kind, String username, String client, String... parts) {
    return new LoginCounter(kind, kind.prefix + ":" + String.join("|", parts), username, client);
  }

  /**
   * The key a user name is counted under: an existing user's own name; for a name that does not
   * exist, one of 65,536 slots of its hash, so that nothing an attacker types (a password typed as
   * a name, say) is stored, and made-up names make a bounded number of rows.
   */
  static String nameKey(String username, boolean known) {
    if (known) {
      return username;
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(("login-name\0" + username).getBytes(StandardCharsets.UTF_8));
      return "#" + HexFormat.of().formatHex(hash, 0, 2);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
