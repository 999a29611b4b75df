package com.smsportal.user.account;

import java.util.Locale;

/** User names are compared case-insensitively and stored as typed here. */
public final class Usernames {

  static final int MAX_LENGTH = 64;

  private Usernames() {}

  public static String normalize(String raw) {
    String name = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    return name.length() > MAX_LENGTH ? name.substring(0, MAX_LENGTH) : name;
  }
}
