package com.smsportal.web;

import java.util.Locale;

/** LIKE patterns for the search fields, the same on H2 and MySQL/MariaDB. */
public final class LikePatterns {

  /** The escape character to name in {@code like ... escape '!'}. */
  public static final char ESCAPE = '!';

  private LikePatterns() {}

  /**
   * A lower-case pattern for "contains", with the person's own % and _ taken literally. The escape
   * is '!', not a backslash, which MySQL string literals would swallow.
   */
  public static String contains(String text) {
    String escaped =
        text.strip()
            .toLowerCase(Locale.ROOT)
            .replace("!", "!!")
            .replace("%", "!%")
            .replace("_", "!_");
    return "%" + escaped + "%";
  }
}
