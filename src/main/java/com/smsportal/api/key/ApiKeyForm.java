package com.smsportal.api.key;

import com.smsportal.web.Times;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys page's form: {@code name}, {@code scopes} ({@code send}, {@code read}; at least one),
 * {@code expiresAt} (a date, optional: the key stops working at the start of that day, China time,
 * so the date must be after today).
 */
record ApiKeyForm(String name, List<String> scopes, String expiresAt) {

  static final int MAX_NAME = 60;

  static ApiKeyForm empty() {
    return new ApiKeyForm("", List.of("send", "read"), "");
  }

  public boolean has(String scope) {
    return scopes != null && scopes.contains(scope);
  }

  Set<ApiScope> chosenScopes() {
    Set<ApiScope> chosen = EnumSet.noneOf(ApiScope.class);
    if (scopes != null) {
      scopes.forEach(s -> chosen.addAll(ApiScope.parse(s)));
    }
    return chosen;
  }

  /** The expiry as an instant, null for none (call only once {@link #errors} found none). */
  Instant expiry() {
    if (expiresAt == null || expiresAt.isBlank()) {
      return null;
    }
    return LocalDate.parse(expiresAt.strip()).atStartOfDay(Times.ZONE).toInstant();
  }

  /** Each field's fault as a message key; empty when the form is fine. */
  Map<String, String> errors(Instant now) {
    Map<String, String> errors = new LinkedHashMap<>();
    String typed = name == null ? "" : name.strip();
    if (typed.isEmpty()) {
      errors.put("name", "apikeys.error.name");
    } else if (typed.length() > MAX_NAME) {
      errors.put("name", "apikeys.error.nameLong");
    }
    if (chosenScopes().isEmpty()) {
      errors.put("scopes", "apikeys.error.scopes");
    }
    if (expiresAt != null && !expiresAt.isBlank()) {
      try {
        if (!expiry().isAfter(now)) {
          errors.put("expiresAt", "apikeys.error.expiresPast");
        }
      } catch (DateTimeParseException bad) {
        errors.put("expiresAt", "apikeys.error.expiresDate");
      }
    }
    return errors;
  }
}
