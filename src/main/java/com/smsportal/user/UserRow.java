package com.smsportal.user;

import java.time.Instant;

/** A user as the management pages list it; never the password hash. */
public record UserRow(
    long id,
    String username,
    String displayName,
    Role role,
    Long tenantId,
    boolean enabled,
    boolean mustChangePassword,
    boolean secondFactor,
    Instant createdAt) {}
