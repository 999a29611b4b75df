package com.smsportal.contacts.book;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The contact form as typed: {@code mobile}, {@code name}, {@code fields} (one {@code key=value} a
 * line) and the groups ticked ({@code groupId}).
 */
public record ContactForm(String mobile, String name, String fields, Set<Long> groupIds) {

  public ContactForm {
    mobile = mobile == null ? "" : mobile;
    name = name == null ? "" : name;
    fields = fields == null ? "" : fields;
    groupIds = groupIds == null ? Set.of() : Set.copyOf(groupIds);
  }

  /** The form of a stored contact. */
  public static ContactForm of(Contact contact, Set<Long> groupIds) {
    StringBuilder lines = new StringBuilder();
    contact.fields().forEach((k, v) -> lines.append(k).append('=').append(v).append('\n'));
    return new ContactForm(contact.getMobile(), contact.getName(), lines.toString(), groupIds);
  }

  /**
   * The fields typed, in order; the 1-based line of the first that is not {@code key=value} (an
   * empty key) as a negative number in the {@code error} slot.
   */
  ParsedFields parsedFields() {
    Map<String, String> parsed = new LinkedHashMap<>();
    List<String> lines = fields.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      int eq = line.indexOf('=');
      String key = eq < 0 ? "" : ContactFields.clean(line.substring(0, eq));
      if (key.isEmpty()
          || key.length() > ContactFields.MAX_KEY
          || line.length() - eq - 1 > ContactFields.MAX_VALUE) {
        return new ParsedFields(parsed, i + 1);
      }
      parsed.put(key, ContactFields.clean(line.substring(eq + 1)));
    }
    return new ParsedFields(parsed, 0);
  }

  record ParsedFields(Map<String, String> fields, int badLine) {}
}
