package com.smsportal.user;

import com.smsportal.user.account.PortalUser;
import com.smsportal.user.account.PortalUserDetails;
import com.smsportal.user.account.PortalUserRepository;
import com.smsportal.user.account.Usernames;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The user module's facade for other modules and start-up tasks. */
@Service
public class UserService {

  private final PortalUserRepository users;
  private final PasswordEncoder encoder;
  private final Clock clock;

  UserService(PortalUserRepository users, PasswordEncoder encoder, Clock clock) {
    this.users = users;
    this.encoder = encoder;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public boolean exists(String username) {
    return users.findByUsername(Usernames.normalize(username)).isPresent();
  }

  /** The user's id, if the user exists. */
  @Transactional(readOnly = true)
  public Optional<Long> idOf(String username) {
    return users.findByUsername(Usernames.normalize(username)).map(PortalUser::getId);
  }

  /**
   * The ids of the enabled users of these roles: a tenant's, or (tenantId null) the operator's
   * staff; whom a notice goes to (issue 26).
   */
  @Transactional(readOnly = true)
  public List<Long> enabledUserIds(Long tenantId, Collection<Role> roles) {
    return roles.isEmpty() ? List.of() : users.enabledIds(tenantId, roles);
  }

  /** The signed-in user's id, if the current request or task has one. */
  public static Optional<Long> currentUserId() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof PortalUserDetails principal
        ? Optional.of(principal.id())
        : Optional.empty();
  }

  /** The signed-in user's role, if the current request or task has a signed-in user. */
  public static Optional<Role> currentRole() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof PortalUserDetails principal
        ? Optional.of(principal.role())
        : Optional.empty();
  }

  @Transactional(readOnly = true)
  public boolean anyAdmin() {
    return users.existsByRole(Role.ADMIN);
  }

  /** Creates a user; a tenant's user needs its tenant, the operator's staff must have none. */
  @Transactional
  public long create(String username, String rawPassword, Role role, Long tenantId) {
    if (role.tenantRole() != (tenantId != null)) {
      throw new IllegalArgumentException("a customer belongs to one tenant, staff to none");
    }
    String name = Usernames.normalize(username);
    if (name.isEmpty()) {
      throw new IllegalArgumentException("user name is empty");
    }
    PortalUser user =
        new PortalUser(name, encoder.encode(rawPassword), role, tenantId, null, clock.instant());
    return users.save(user).getId();
  }
}
