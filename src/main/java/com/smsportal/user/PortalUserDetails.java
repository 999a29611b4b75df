package com.smsportal.user;

import com.smsportal.tenant.TenantScopedPrincipal;
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
  private final boolean enabled;

  PortalUserDetails(PortalUser user, boolean tenantActive) {
    this.id = user.getId();
    this.username = user.getUsername();
    this.passwordHash = user.getPasswordHash();
    this.role = user.getRole();
    this.tenantId = user.getTenantId();
    this.enabled = user.isEnabled() && tenantActive;
  }

  long id() {
    return id;
  }

  Role role() {
    return role;
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
