package com.smsportal.sending.message;

import com.smsportal.mobile.MobileNumber;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads mainland China mobile numbers from what people paste: separated by commas (ASCII or
 * full-width), semicolons, spaces or new lines; each number read as {@link MobileNumber#mainland}
 * reads it (with or without +86, 86 or 0086; with spaces, dashes or dots inside a number,
 * "138-0013-8000", "138 0013 8000"; full-width digits).
 */
public final class PastedNumbers {

  /** Separators between numbers. A single space inside a number is not one: see split. */
  private static final Pattern SEPARATORS = Pattern.compile("[,，;；、\\r\\n\\t]+");

  private PastedNumbers() {}

  public static ParsedNumbers parse(String text) {
    Set<String> valid = new LinkedHashSet<>();
    List<String> invalid = new ArrayList<>();
    int duplicates = 0;
    for (String entry : split(text == null ? "" : text)) {
      String number = MobileNumber.mainland(entry);
      if (number == null) {
        invalid.add(entry);
      } else if (!valid.add(number)) {
        duplicates++;
      }
    }
    return new ParsedNumbers(new ArrayList<>(valid), invalid, duplicates);
  }

  /**
   * Splits on the separators, then splits a space-separated run into numbers unless the spaces only
   * group the digits of one number ("138 0013 8000").
   */
  private static List<String> split(String text) {
    List<String> entries = new ArrayList<>();
    for (String part : SEPARATORS.split(MobileNumber.halfWidth(text))) {
      String trimmed = part.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      if (trimmed.contains(" ") && MobileNumber.mainland(trimmed) == null) {
        for (String word : trimmed.split("\\s+")) {
          entries.add(word);
        }
      } else {
        entries.add(trimmed);
      }
    }
    return entries;
  }
}
