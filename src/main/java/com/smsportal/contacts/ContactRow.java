package com.smsportal.contacts;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A contact as a send reads it: the mobile number (11 digits), the name (possibly empty) and the
 * free fields in their order.
 */
public record ContactRow(long id, String mobile, String name, Map<String, String> fields) {

  public ContactRow {
    fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /**
   * Every value by name, for a template's placeholders: the fields, then {@code mobile} and {@code
   * name} (which a field of the same name does not hide).
   */
  public Map<String, String> values() {
    Map<String, String> values = new LinkedHashMap<>(fields);
    values.put("mobile", mobile);
    values.put("name", name);
    return values;
  }
}
