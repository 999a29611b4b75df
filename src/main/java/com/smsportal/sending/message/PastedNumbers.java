package com.smsportal.sending.message;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads mainland China mobile numbers from what people paste: separated by commas (ASCII or
 * full-width), semicolons, spaces or new lines; with or without +86, 86 or 0086; with spaces,
 * dashes or dots inside a number ("138-0013-8000", "138 0013 8000") and full-width digits.
 */
public final class MobileNumbers {

  /** 11 digits, 1 then 3–9: every mainland mobile number range in use. */
  private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

  /** Separators between numbers. A single space inside a number is not one: see split. */
  private static final Pattern SEPARATORS = Pattern.compile("[,，;；、\\r\\n\\t]+");

  private MobileNumbers() {}

  public static ParsedNumbers parse(String text) {
    Set<String> valid = new LinkedHashSet<>();
    List<String> invalid = new ArrayList<>();
    int duplicates = 0;
    for (String entry : split(text == null ? "" : text)) {
      String number = normalise(entry);
      if (number == null) {
        invalid.add(entry);
      } else if (!valid.add(number)) {
        duplicates++;
      }
    }
    return new ParsedNumbers(new ArrayList<>(valid), invalid, duplicates);
  }

  /** The 11-digit number, or null when the entry is not a mainland mobile number. */
  public static String normalise(String entry) {
    StringBuilder digits = new StringBuilder();
    boolean plus = false;
    for (char c : toHalfWidth(entry).strip().toCharArray()) {
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (c == '+' && digits.isEmpty() && !plus) {
        plus = true; // a country code follows: only +86 is a mainland number
      } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
        return null;
      }
    }
    String number = digits.toString();
    if (number.startsWith("0086")) {
      number = number.substring(4);
    } else if (number.startsWith("86") && number.length() == 13) {
      number = number.substring(2);
    } else if (plus) {
      return null;
    }
    return MOBILE.matcher(number).matches() ? number : null;
  }

  /**
   * Splits on the separators, then splits a space-separated run into numbers unless the spaces only
   * group the digits of one number ("138 0013 8000").
   */
  private static List<String> split(String text) {
    List<String> entries = new ArrayList<>();
    for (String part : SEPARATORS.split(toHalfWidth(text))) {
      String trimmed = part.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      if (trimmed.contains(" ") && normalise(trimmed) == null) {
        for (String word : trimmed.split("\\s+")) {
          entries.add(word);
        }
      } else {
        entries.add(trimmed);
      }
    }
    return entries;
  }

  /** Full-width digits, plus and space (as typed with a Chinese input method) to ASCII. */
  private static String toHalfWidth(String text) {
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
}
