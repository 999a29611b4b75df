package com.smsportal.contacts.book;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A contact's free fields in one column: {@code key US value RS key US value}, with the ASCII unit
 * and record separators, which no value keeps (control characters are removed on the way in). One
 * column instead of a key-value table, so that a page, an export and a group send read a contact as
 * one row; nothing searches by a field (H2 and MariaDB do not share JSON functions).
 */
public final class ContactFields {

  /** The most fields a contact has. */
  public static final int MAX_FIELDS = 30;

  public static final int MAX_KEY = 64;
  public static final int MAX_VALUE = 500;

  /** The column's width. */
  public static final int MAX_ENCODED = 4000;

  private static final char UNIT = '\u001F';
  private static final char RECORD = '\u001E';

  private ContactFields() {}

  /** The fields as stored, in their order. */
  public static Map<String, String> decode(String stored) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (stored == null || stored.isEmpty()) {
      return fields;
    }
    for (String record : stored.split(String.valueOf(RECORD))) {
      int unit = record.indexOf(UNIT);
      if (unit > 0) {
        fields.put(record.substring(0, unit), record.substring(unit + 1));
      }
    }
    return fields;
  }

  /**
   * The fields as the column keeps them, or empty when they do not fit (more than {@link
   * #MAX_FIELDS}, or more than {@link #MAX_ENCODED} characters).
   */
  public static Optional<String> encode(Map<String, String> fields) {
    if (fields.size() > MAX_FIELDS) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> field : fields.entrySet()) {
      if (!out.isEmpty()) {
        out.append(RECORD);
      }
      out.append(field.getKey()).append(UNIT).append(field.getValue());
    }
    return out.length() > MAX_ENCODED ? Optional.empty() : Optional.of(out.toString());
  }

  /**
   * A re-import's fields: the stored ones, each replaced by the file's value of the same key when
   * that value is not empty; new keys added after them. An empty cell never erases a field.
   */
  public static Map<String, String> merge(Map<String, String> stored, Map<String, String> file) {
    Map<String, String> merged = new LinkedHashMap<>(stored);
    file.forEach(
        (key, value) -> {
          if (!value.isEmpty()) {
            merged.put(key, value);
          }
        });
    return merged;
  }

  /** A key or value as kept: stripped, without control characters. */
  public static String clean(String text) {
    return text == null ? "" : text.replaceAll("\\p{Cntrl}", " ").strip();
  }
}
