package com.smsportal.user;

import java.io.Serial;
import java.io.Serializable;

/**
 * A temporary password to show support exactly once, right after it was made. It lives only in the
 * flash attributes of the next page (in the session, so in the session store from the redirect
 * until that page is shown); the users table holds its hash.
 */
public record IssuedPassword(String username, String password) implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  IssuedPassword(UserAdministration.Created created) {
    this(created.user().username(), created.temporaryPassword());
  }

  @Override
  public String toString() {
    return "IssuedPassword[" + username + ", ****]";
  }
}
