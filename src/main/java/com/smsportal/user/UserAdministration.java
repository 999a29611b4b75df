package com.smsportal.user;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.tenant.TenantView;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What support does to portal users: create them with a temporary password, disable and enable
 * them, reset their password. Only an administrator touches an administrator, and nobody disables
 * themselves.
 */
@Service
class UserAdministration {

  private final PortalUserRepository users;
  private final PasswordEncoder encoder;
  private final SessionRegistry sessions;
  private final AuditLog audit;
  private final Clock clock;

  UserAdministration(
      PortalUserRepository users,
      PasswordEncoder encoder,
      SessionRegistry sessions,
      AuditLog audit,
      Clock clock) {
    this.users = users;
    this.encoder = encoder;
    this.sessions = sessions;
    this.audit = audit;
    this.clock = clock;
  }

  /** A new user and the one-time password to hand over; the password is never stored plain. */
  record Created(UserRow user, String temporaryPassword) {}

  @Transactional(readOnly = true)
  List<UserRow> usersOf(long tenantId) {
    return users.findByTenantIdOrderByUsername(tenantId).stream().map(PortalUser::toRow).toList();
  }

  @Transactional(readOnly = true)
  List<UserRow> staff() {
    return users.findByTenantIdIsNullOrderByUsername().stream().map(PortalUser::toRow).toList();
  }

  @Transactional(readOnly = true)
  Optional<UserRow> find(long id) {
    return users.findById(id).map(PortalUser::toRow);
  }

  @Transactional
  Created createCustomer(TenantView tenant, UserForm form) {
    Created created = create(form, Role.CUSTOMER, tenant.id());
    audit.record(
        AuditEntry.success(AuditAction.USER_CREATED, created.user().username())
            .tenant(tenant.id(), tenant.name())
            .detail(Role.CUSTOMER.name()));
    return created;
  }

  @Transactional
  Created createStaff(UserForm form, Role role, PortalUserDetails actor) {
    if (role == Role.CUSTOMER || (role == Role.ADMIN && actor.role() != Role.ADMIN)) {
      throw new AccessDeniedException("only an administrator creates administrators");
    }
    Created created = create(form, role, null);
    audit.record(
        AuditEntry.success(AuditAction.USER_CREATED, created.user().username())
            .detail(role.name()));
    return created;
  }

  @Transactional
  Optional<String> resetPassword(long userId, PortalUserDetails actor) {
    return users
        .findById(userId)
        .map(
            user -> {
              requireMayManage(user, actor);
              String temporary = TemporaryPasswords.generate();
              user.resetPassword(encoder.encode(temporary), clock.instant());
              endSessions(user.getUsername());
              audit.record(
                  AuditEntry.success(AuditAction.USER_PASSWORD_RESET, user.getUsername())
                      .tenant(user.getTenantId(), null));
              return temporary;
            });
  }

  @Transactional
  Optional<UserRow> setEnabled(long userId, boolean enabled, PortalUserDetails actor) {
    return users
        .findById(userId)
        .map(
            user -> {
              requireMayManage(user, actor);
              if (!enabled && user.getId() == actor.id()) {
                throw new AccessDeniedException("nobody disables themselves");
              }
              if (enabled) {
                user.enable();
              } else {
                user.disable();
                endSessions(user.getUsername());
              }
              audit.record(
                  AuditEntry.success(
                          enabled ? AuditAction.USER_ENABLED : AuditAction.USER_DISABLED,
                          user.getUsername())
                      .tenant(user.getTenantId(), null));
              return user.toRow();
            });
  }

  private Created create(UserForm form, Role role, Long tenantId) {
    String username = Usernames.normalize(form.username());
    if (users.findByUsername(username).isPresent()) {
      throw new UsernameTakenException();
    }
    String temporary = TemporaryPasswords.generate();
    PortalUser user =
        new PortalUser(
            username,
            encoder.encode(temporary),
            role,
            tenantId,
            blankToNull(form.displayName()),
            clock.instant());
    user.resetPassword(user.getPasswordHash(), clock.instant());
    return new Created(users.save(user).toRow(), temporary);
  }

  private static void requireMayManage(PortalUser user, PortalUserDetails actor) {
    if (user.getRole() == Role.ADMIN && actor.role() != Role.ADMIN) {
      throw new AccessDeniedException("only an administrator manages administrators");
    }
  }

  private void endSessions(String username) {
    for (Object principal : sessions.getAllPrincipals()) {
      if (principal instanceof PortalUserDetails user && user.getUsername().equals(username)) {
        sessions.getAllSessions(principal, false).forEach(SessionInformation::expireNow);
      }
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
