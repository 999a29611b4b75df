package com.smsportal.mobile;

import java.util.regex.Pattern;

/**
 * The portal's one reading of a phone number. A number may come with the country code written
 * {@code +86}, {@code 0086} or {@code 86} (the last only in front of 11 digits, as {@code 86} alone
 * may begin other numbers), grouped by spaces, dashes, dots or brackets, and in full-width
 * characters as a Chinese input method types them. Only mainland China numbers are sent to; other
 * numbers (landlines, short codes) can still be searched for and are kept as their digits.
 */
public final class MobileNumber {

  /** 11 digits, 1 then 3–9: every mainland mobile number range in use. */
  private static final Pattern MAINLAND = Pattern.compile("1[3-9]\\d{9}");

  /** Any number the portal keeps: at most 20 digits, as the number columns hold. */
  private static final Pattern DIGITS = Pattern.compile("\\d{1,20}");

  private MobileNumber() {}

  /** A mainland mobile number as its 11 digits; null when {@code typed} is not one. */
  public static String mainland(String typed) {
    Read read = read(typed);
    if (read == null) {
      return null;
    }
    String number = read.digits();
    if (number.startsWith("0086")) {
      number = number.substring(4);
    } else if (number.startsWith("86") && number.length() == 13) {
      number = number.substring(2);
    } else if (read.plus()) {
      return null; // a country code other than 86
    }
    return MAINLAND.matcher(number).matches() ? number : null;
  }

  /**
   * Any phone number as the portal keeps and compares it: a mainland mobile number as its 11 digits
   * (see {@link #mainland}), another number as its digits; null when {@code typed} is not a number
   * (letters, another country's code after a plus, more than 20 digits).
   */
  public static String number(String typed) {
    String mobile = mainland(typed);
    if (mobile != null) {
      return mobile;
    }
    Read read = read(typed);
    return read != null && !read.plus() && DIGITS.matcher(read.digits()).matches()
        ? read.digits()
        : null;
  }

  /**
   * A number as the gateway reported it, as the portal stores it: the {@link #number} it reads as,
   * else exactly as it came (nothing the gateway said is lost).
   */
  public static String reported(String raw) {
    if (plainMainland(raw)) {
      return raw; // as the gateway writes nearly every number: nothing to read (issue 27)
    }
    String number = number(raw);
    return number != null ? number : raw;
  }

  /**
   * What a search for part of a number looks for: a whole number as {@link #number} reads it
   * ({@code +86 139 0000 0001} finds 13900000001), else every digit typed ("" when there are none:
   * no condition).
   */
  public static String fragment(String typed) {
    String number = number(typed);
    return number != null ? number : typed == null ? "" : halfWidth(typed).replaceAll("\\D", "");
  }

  /** Full-width digits, plus, space and dash (as a Chinese input method types them) to ASCII. */
  public static String halfWidth(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if (c >= '０' && c <= '９') {
        out.append((char) (c - '０' + '0'));
      } else if (c == '＋') {
        out.append('+');
      } else if (c == '　') {
        out.append(' ');
      } else if (c == '－') {
        out.append('-');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Whether {@code raw} is already 11 ASCII digits of a mainland mobile number, as kept. */
  private static boolean plainMainland(String raw) {
    if (raw == null || raw.length() != 11 || raw.charAt(0) != '1') {
      return false;
    }
    char second = raw.charAt(1);
    if (second < '3' || second > '9') {
      return false;
    }
    for (int i = 2; i < 11; i++) {
      char c = raw.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** The digits of a number and whether a plus (a country code) led them. */
  private record Read(String digits, boolean plus) {}

  /** Null when {@code typed} holds anything but digits, one leading plus and grouping. */
  private static Read read(String typed) {
    if (typed == null) {
      return null;
    }
    StringBuilder digits = new StringBuilder();
    boolean plus = false;
    for (char c : halfWidth(typed).strip().toCharArray()) {
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (c == '+' && digits.isEmpty() && !plus) {
        plus = true;
      } else if (!Character.isWhitespace(c) && c != '-' && c != '.' && c != '(' && c != ')') {
        return null;
      }
    }
    return new Read(digits.toString(), plus);
  }
}
