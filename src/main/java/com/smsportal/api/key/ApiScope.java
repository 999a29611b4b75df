package com.smsportal.api.key;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a key may do: {@code send} messages, {@code read} jobs, receipts, replies and the balance.
 * Stored as their names joined by commas; a request carries them as {@code SCOPE_send}, {@code
 * SCOPE_read} authorities.
 */
enum ApiScope {
  SEND,
  READ;

  String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  String authority() {
    return "SCOPE_" + value();
  }

  static Set<ApiScope> parse(String stored) {
    Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
    for (String part : (stored == null ? "" : stored).split(",")) {
      Arrays.stream(values()).filter(s -> s.value().equals(part.strip())).forEach(scopes::add);
    }
    return scopes;
  }

  static String join(Set<ApiScope> scopes) {
    return scopes.stream().sorted().map(ApiScope::value).collect(Collectors.joining(","));
  }
}
