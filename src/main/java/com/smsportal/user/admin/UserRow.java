package com.smsportal.user.admin;

import com.smsportal.user.Role;
import com.smsportal.user.account.PortalUser;
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
    Instant createdAt) {

  static UserRow of(PortalUser user, boolean secondFactor) {
    return new UserRow(
        user.getId(),
        user.getUsername(),
        user.getDisplayName(),
        user.getRole(),
        user.getTenantId(),
        user.isEnabled(),
        user.isMustChangePassword(),
        secondFactor,
        user.getCreatedAt());
  }
}
