package com.smsportal.user;

/** Another user already has this user name. */
class UsernameTakenException extends RuntimeException {

  UsernameTakenException() {
    super("user name taken");
  }
}
