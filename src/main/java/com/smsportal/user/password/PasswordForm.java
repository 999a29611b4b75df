package com.smsportal.user.password;

/** Changing one's own password: the current one, and the new one typed twice. */
record PasswordForm(String current, String password, String repeat) {

  static PasswordForm empty() {
    return new PasswordForm("", "", "");
  }

  @Override
  public String toString() {
    return "PasswordForm[****]";
  }
}
