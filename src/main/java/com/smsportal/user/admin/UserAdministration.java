package com.smsportal.user.admin;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditDetail;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.user.Role;
import com.smsportal.user.account.PortalUser;
import com.smsportal.user.account.PortalUserDetails;
import com.smsportal.user.account.PortalUserRepository;
import com.smsportal.user.account.Usernames;
import com.smsportal.user.secondfactor.SecondFactors;
import com.smsportal.user.session.UserSessions;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What support, and a tenant's admin for its own tenant, do to portal users: create them with a
 * temporary password, disable and enable them, reset their password or second factor, change a
 * tenant user's role. Only an administrator touches an administrator, a tenant admin only its own
 * tenant's users, nobody disables themselves, and a tenant keeps an enabled admin.
 */
@Service
class UserAdministration {

  private final PortalUserRepository users;
  private final PasswordEncoder encoder;
  private final SecondFactors secondFactors;
  private final UserSessions sessions;
  private final AuditLog audit;
  private final Clock clock;

  UserAdministration(
      PortalUserRepository users,
      PasswordEncoder encoder,
      SecondFactors secondFactors,
      UserSessions sessions,
      AuditLog audit,
      Clock clock) {
    this.users = users;
    this.encoder = encoder;
    this.secondFactors = secondFactors;
    this.sessions = sessions;
    this.audit = audit;
    this.clock = clock;
  }

  /** A new user and the one-time password to hand over; the password is never stored plain. */
  record Created(UserRow user, String temporaryPassword) {}

  @Transactional(readOnly = true)
  List<UserRow> usersOf(long tenantId) {
    return rows(users.findByTenantIdOrderByUsername(tenantId));
  }

  @Transactional(readOnly = true)
  List<UserRow> staff() {
    return rows(users.findByTenantIdIsNullOrderByUsername());
  }

  @Transactional(readOnly = true)
  Optional<UserRow> find(long id) {
    return users.findById(id).map(user -> UserRow.of(user, secondFactors.enrolled(id)));
  }

  /** The user {@code id} if {@code actor} may manage it (a tenant admin: its own tenant's). */
  @Transactional(readOnly = true)
  Optional<UserRow> findManageable(long id, PortalUserDetails actor) {
    return manageable(id, actor).map(user -> UserRow.of(user, secondFactors.enrolled(id)));
  }

  private List<UserRow> rows(List<PortalUser> list) {
    Set<Long> enrolled = secondFactors.enrolledOf(list.stream().map(PortalUser::getId).toList());
    return list.stream().map(user -> UserRow.of(user, enrolled.contains(user.getId()))).toList();
  }

  /**
   * A new user of a tenant, by support or by the tenant's own admin: one of {@link
   * Role#TENANT_ROLES}.
   */
  @Transactional
  Created createTenantUser(long tenantId, String tenantName, UserForm form, Role role) {
    if (!role.tenantRole()) {
      throw new AccessDeniedException("a tenant's user has a tenant's role");
    }
    Created created = create(form, role, tenantId);
    audit.record(
        AuditEntry.success(AuditAction.USER_CREATED, created.user().username())
            .tenant(tenantId, tenantName)
            .detail(AuditDetail.of("audit.detail.role", AuditDetail.text("role." + role.name()))));
    return created;
  }

  @Transactional
  Created createStaff(UserForm form, Role role, PortalUserDetails actor) {
    if (role.tenantRole() || (role == Role.ADMIN && actor.role() != Role.ADMIN)) {
      throw new AccessDeniedException("only an administrator creates administrators");
    }
    Created created = create(form, role, null);
    audit.record(
        AuditEntry.success(AuditAction.USER_CREATED, created.user().username())
            .detail(AuditDetail.of("audit.detail.role", AuditDetail.text("role." + role.name()))));
    return created;
  }

  @Transactional
  Optional<String> resetPassword(long userId, PortalUserDetails actor) {
    return manageable(userId, actor)
        .map(
            user -> {
              String temporary = TemporaryPasswords.generate();
              user.resetPassword(encoder.encode(temporary), clock.instant());
              sessions.endAll(user.getUsername(), null);
              audit.record(
                  AuditEntry.success(AuditAction.USER_PASSWORD_RESET, user.getUsername())
                      .tenant(user.getTenantId(), null));
              return temporary;
            });
  }

  @Transactional
  Optional<UserRow> setEnabled(long userId, boolean enabled, PortalUserDetails actor) {
    return manageable(userId, actor)
        .map(
            user -> {
              if (!enabled) {
                requireAnotherTenantAdmin(user, actor);
              }
              if (!enabled && user.getId() == actor.id()) {
                throw new AccessDeniedException("nobody disables themselves");
              }
              if (enabled) {
                user.enable();
              } else {
                user.disable();
                sessions.endAll(user.getUsername(), null);
              }
              audit.record(
                  AuditEntry.success(
                          enabled ? AuditAction.USER_ENABLED : AuditAction.USER_DISABLED,
                          user.getUsername())
                      .tenant(user.getTenantId(), null));
              return UserRow.of(user, secondFactors.enrolled(user.getId()));
            });
  }

  /**
   * An administrator (or a tenant admin, of its own tenant's users) removes a user's second factor
   * (a lost phone): the user's sessions end, and whoever needs one enrols again at the next
   * sign-in. Audited.
   */
  @Transactional
  Optional<UserRow> resetSecondFactor(long userId, PortalUserDetails actor) {
    if (actor.role() != Role.ADMIN && actor.role() != Role.TENANT_ADMIN) {
      throw new AccessDeniedException("only an administrator resets a second factor");
    }
    return manageable(userId, actor)
        .map(
            user -> {
              boolean had = secondFactors.reset(userId);
              sessions.endAll(user.getUsername(), null);
              audit.record(
                  AuditEntry.success(AuditAction.SECOND_FACTOR_RESET, user.getUsername())
                      .tenant(user.getTenantId(), null)
                      .detail(had ? null : AuditDetail.of("audit.detail.hadNoSecondFactor")));
              return UserRow.of(user, false);
            });
  }

  @Transactional(readOnly = true)
  boolean secondFactorRequiredOf(long tenantId) {
    return secondFactors.requiredOf(tenantId);
  }

  /**
   * Support, or the tenant's own admin, requires (or stops requiring) a second factor of the
   * tenant's users. Audited.
   */
  @Transactional
  void requireSecondFactor(long tenantId, String tenantName, boolean required) {
    secondFactors.requireOf(tenantId, required);
    audit.record(
        AuditEntry.success(AuditAction.SECOND_FACTOR_POLICY_CHANGED, tenantName)
            .tenant(tenantId, tenantName)
            .detail(
                AuditDetail.of(
                    required
                        ? "audit.detail.secondFactorRequired"
                        : "audit.detail.secondFactorOptional")));
  }

  /**
   * Another role for a tenant's user, one of {@link Role#TENANT_ROLES}; the user's sessions end, as
   * they carry the role they were signed in with. The tenant keeps an enabled admin. Audited.
   */
  @Transactional
  Optional<UserRow> changeRole(long userId, Role role, PortalUserDetails actor) {
    return manageable(userId, actor)
        .map(
            user -> {
              Role before = user.getRole();
              if (!role.tenantRole() || !before.tenantRole()) {
                throw new AccessDeniedException("roles change only inside a tenant");
              }
              if (role != before) {
                if (before == Role.TENANT_ADMIN) {
                  requireAnotherTenantAdmin(user, actor);
                }
                user.changeRole(role);
                sessions.endAll(user.getUsername(), null);
                audit.record(
                    AuditEntry.success(AuditAction.USER_ROLE_CHANGED, user.getUsername())
                        .tenant(user.getTenantId(), null)
                        .detail(
                            AuditDetail.of(
                                "audit.detail.roleChanged",
                                AuditDetail.text("role." + before.name()),
                                AuditDetail.text("role." + role.name()))));
              }
              return UserRow.of(user, secondFactors.enrolled(user.getId()));
            });
  }

  /**
   * The user {@code id} if {@code actor} may manage it. A tenant's admin manages its own tenant's
   * users only: anyone else (another tenant's, staff) is not found, as another tenant's ids are.
   * Support manages every user, an administrator only if it is one.
   */
  private Optional<PortalUser> manageable(long id, PortalUserDetails actor) {
    Optional<PortalUser> user = users.findById(id);
    if (actor.role().tenantRole()) {
      if (actor.role() != Role.TENANT_ADMIN) {
        throw new AccessDeniedException("only a tenant admin manages the tenant's users");
      }
      return user.filter(
          u -> u.getRole().tenantRole() && Objects.equals(u.getTenantId(), actor.tenantId()));
    }
    user.ifPresent(u -> requireMayManage(u, actor));
    return user;
  }

  /**
   * A tenant's admin never takes the tenant's last enabled admin away (by disabling or demoting
   * it): nobody could manage its users any more. The tenant's admins are locked while it counts.
   */
  private void requireAnotherTenantAdmin(PortalUser user, PortalUserDetails actor) {
    if (actor.role().tenantRole()
        && user.getRole() == Role.TENANT_ADMIN
        && user.isEnabled()
        && users.lockEnabled(user.getTenantId(), Role.TENANT_ADMIN).size() <= 1) {
      throw new LastTenantAdminException();
    }
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
    return new Created(UserRow.of(users.save(user), false), temporary);
  }

  private static void requireMayManage(PortalUser user, PortalUserDetails actor) {
    if (user.getRole() == Role.ADMIN && actor.role() != Role.ADMIN) {
      throw new AccessDeniedException("only an administrator manages administrators");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
