package com.smsportal.user.admin;

/** Another user already has this user name. */
class UsernameTakenException extends RuntimeException {

  UsernameTakenException() {
    super("user name taken");
  }
}
