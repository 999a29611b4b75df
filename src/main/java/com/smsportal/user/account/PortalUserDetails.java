package com.smsportal.user.account;

import com.smsportal.tenant.TenantScopedPrincipal;
import com.smsportal.tenant.TenantView;
import com.smsportal.user.Role;
import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The logged-in user, kept in the session. Holds the password hash only until login ends. */
public final class PortalUserDetails
    implements UserDetails, CredentialsContainer, TenantScopedPrincipal {

  @Serial private static final long serialVersionUID = 1L;

  private final long id;
  private final String username;
  private String passwordHash;
  private final Role role;
  private final Long tenantId;
  private final String tenantName;
  private final boolean enabled;
  private final boolean mustChangePassword;
  private final boolean credentialsNonExpired;
  private final SecondFactorState secondFactor;

  /** Where the user stands with the second factor, as of the sign-in. */
  public enum SecondFactorState {
    /** Neither enrolled nor required: optional for this user. */
    NONE,
    /** Required (staff, or the tenant requires it) but not enrolled yet: enrolment comes first. */
    MUST_ENROL,
    /** Enrolled: every form sign-in asks for a code. */
    ENROLLED
  }

  /**
   * A user of the given tenant, or of none ({@code tenant} null) for the operator's staff; {@code
   * credentialsNonExpired} false for a one-time password past its lifetime.
   */
  public PortalUserDetails(
      PortalUser user,
      TenantView tenant,
      boolean credentialsNonExpired,
      SecondFactorState secondFactor) {
    this.id = user.getId();
    this.username = user.getUsername();
    this.passwordHash = user.getPasswordHash();
    this.role = user.getRole();
    this.tenantId = user.getTenantId();
    this.tenantName = tenant == null ? null : tenant.name();
    boolean tenantActive = user.getTenantId() == null || (tenant != null && tenant.active());
    this.enabled = user.isEnabled() && tenantActive;
    this.mustChangePassword = user.isMustChangePassword();
    this.credentialsNonExpired = credentialsNonExpired;
    this.secondFactor = secondFactor;
  }

  public boolean secondFactorEnrolled() {
    return secondFactor == SecondFactorState.ENROLLED;
  }

  public boolean mustEnrolSecondFactor() {
    return secondFactor == SecondFactorState.MUST_ENROL;
  }

  public boolean mustChangePassword() {
    return mustChangePassword;
  }

  public long id() {
    return id;
  }

  public Role role() {
    return role;
  }

  public String tenantName() {
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
  public boolean isCredentialsNonExpired() {
    return credentialsNonExpired;
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
