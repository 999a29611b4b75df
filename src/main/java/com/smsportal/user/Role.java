package com.smsportal.user;

import java.util.List;

/**
 * A portal user's role. The operator's staff: ADMIN can do all that SUPPORT can. A tenant's users
 * belong to one tenant: TENANT_ADMIN can do all that SENDER can (and manages the tenant's users,
 * gateway accounts, API keys and webhooks), SENDER all that VIEWER can (and sends, keeps templates,
 * contacts and opt-outs), VIEWER only reads.
 */
public enum Role {
  TENANT_ADMIN,
  SENDER,
  VIEWER,
  SUPPORT,
  ADMIN;

  /** The roles a tenant's admin may give its users, most rights first. */
  public static final List<Role> TENANT_ROLES = List.of(TENANT_ADMIN, SENDER, VIEWER);

  /** Who includes whom, for Spring Security's role hierarchy. */
  static final String HIERARCHY =
      """
      ROLE_ADMIN > ROLE_SUPPORT
      ROLE_TENANT_ADMIN > ROLE_SENDER
      ROLE_SENDER > ROLE_VIEWER
      """;

  public String authority() {
    return "ROLE_" + name();
  }

  public boolean staff() {
    return !tenantRole();
  }

  /** A role of a tenant's own user (as opposed to the operator's staff). */
  public boolean tenantRole() {
    return TENANT_ROLES.contains(this);
  }
}
