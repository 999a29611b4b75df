package com.smsportal.sending.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every objection to a compose form, by the field it is shown next to, in the order found: the form
 * reports them all at once (issue 23), not one per submit.
 */
final class FormErrors {

  /** One objection: its message key and the arguments the message names ({0}, {1}, or null). */
  record FieldError(String messageKey, Object argument, Object second) {}

  private final Map<String, List<FieldError>> byField = new LinkedHashMap<>();

  void add(String field, String messageKey, Object argument) {
    add(field, messageKey, argument, null);
  }

  void add(String field, String messageKey, Object argument, Object second) {
    byField
        .computeIfAbsent(field, f -> new ArrayList<>())
        .add(new FieldError(messageKey, argument, second));
  }

  boolean any() {
    return !byField.isEmpty();
  }

  boolean has(String field) {
    return byField.containsKey(field);
  }

  /** The objections next to this field, none if it has none (the template reads this). */
  public List<FieldError> of(String field) {
    return byField.getOrDefault(field, List.of());
  }

  /** How many objections in all. */
  public int count() {
    return byField.values().stream().mapToInt(List::size).sum();
  }
}
