package com.smsportal.api.key;

import java.time.Instant;
import java.util.Set;

/** One key as the keys page lists it: never its secret. */
record ApiKeyRow(
    long id,
    String name,
    String prefix,
    Set<ApiScope> scopes,
    Instant createdAt,
    String createdBy,
    Instant lastUsedAt,
    Instant expiresAt,
    Instant revokedAt,
    String revokedBy,
    State state) {

  enum State {
    ACTIVE,
    EXPIRED,
    REVOKED
  }

  public boolean active() {
    return state == State.ACTIVE;
  }

  /** The scopes as the API names them: {@code send, read}. */
  public String scopeList() {
    return String.join(", ", scopes.stream().sorted().map(ApiScope::value).toList());
  }

  boolean has(ApiScope scope) {
    return scopes.contains(scope);
  }
}
