package com.smsportal.user;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;

/**
 * The right password was given, the second factor not yet: kept in the session (which is not
 * authenticated meanwhile) for the code page. Holds no secret.
 */
record PendingSignIn(long userId, String username, Instant passwordAt, int wrongCodes)
    implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  static final String ATTRIBUTE = PendingSignIn.class.getName();

  PendingSignIn wrongCode() {
    return new PendingSignIn(userId, username, passwordAt, wrongCodes + 1);
  }
}
