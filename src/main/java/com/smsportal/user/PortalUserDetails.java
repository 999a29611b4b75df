package com.smsportal.user;

import com.smsportal.tenant.TenantScopedPrincipal;
import com.smsportal.tenant.TenantView;
import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The logged-in user, kept in the session. Holds the password hash only until login ends. */
final class PortalUserDetails implements UserDetails, CredentialsContainer, TenantScopedPrincipal {

  @Serial private static final long serialVersionUID = 1L;

  private final long id;
  private final String username;
  private String passwordHash;
  private final Role role;
  private final Long tenantId;
  private final String tenantName;
  private final boolean enabled;
  private final boolean mustChangePassword;

  /** A user of the given tenant, or of none ({@code tenant} null) for the operator's staff. */
  PortalUserDetails(PortalUser user, TenantView tenant) {
    this.id = user.getId();
    this.username = user.getUsername();
    this.passwordHash = user.getPasswordHash();
    this.role = user.getRole();
    this.tenantId = user.getTenantId();
    this.tenantName = tenant == null ? null : tenant.name();
    boolean tenantActive = user.getTenantId() == null || (tenant != null && tenant.active());
    this.enabled = user.isEnabled() && tenantActive;
    this.mustChangePassword = user.isMustChangePassword();
  }

  boolean mustChangePassword() {
    return mustChangePassword;
  }

  long id() {
    return id;
  }

  Role role() {
    return role;
  }

  String tenantName() {
    return tenantName;
  }

  @Override
  public Long tenantId() {
    return tenantId;
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return List.of(new SimpleGrantedAuthority(role.authority()));
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return username;
  }

  @Override
  public boolean isEnabled() {
    return enabled;
  }

  @Override
  public void eraseCredentials() {
    passwordHash = null;
  }

  @Override
  public String toString() {
    return "PortalUserDetails[" + username + ", " + role + "]";
  }
}
