package com.smsportal.user.admin;

/**
 * A temporary password to show support exactly once, right after it was made. It lives only in the
 * flash attributes of the next page, sealed while they wait in the session store ({@link
 * IssuedPasswordFlash}; not serializable, so it can never be stored in clear); the users table
 * holds its hash.
 */
public record IssuedPassword(String username, String password) {

  IssuedPassword(UserAdministration.Created created) {
    this(created.user().username(), created.temporaryPassword());
  }

  @Override
  public String toString() {
    return "IssuedPassword[" + username + ", ****]";
  }
}
