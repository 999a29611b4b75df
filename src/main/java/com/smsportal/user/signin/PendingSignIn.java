package com.smsportal.user.signin;

import java.io.Serial;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The right password was given, the second factor not yet: kept in the session (which is not
 * authenticated meanwhile) for the code page. Holds no secret.
 *
 * <p>{@code id} names the sign-in's counter of wrong codes in the database (shared by every node
 * and every concurrent request of the session, unlike the session itself). {@code passwordStamp} is
 * a short hash of the password hash the sign-in was made with: once the password is changed or
 * reset, it no longer matches, and the sign-in is over.
 */
record PendingSignIn(
    String id, long userId, String username, Instant passwordAt, String passwordStamp)
    implements Serializable {

  @Serial private static final long serialVersionUID = 2L;

  static final String ATTRIBUTE = PendingSignIn.class.getName();

  /** The stamp of a password hash: enough to see it changed, nothing to attack it with. */
  static String stamp(String passwordHash) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(String.valueOf(passwordHash).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  boolean madeWith(String passwordHash) {
    return MessageDigest.isEqual(
        passwordStamp.getBytes(StandardCharsets.US_ASCII),
        stamp(passwordHash).getBytes(StandardCharsets.US_ASCII));
  }
}
