package com.smsportal.user.admin;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditDetail;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.tenant.TenantView;
import com.smsportal.user.Role;
import com.smsportal.user.account.PortalUser;
import com.smsportal.user.account.PortalUserDetails;
import com.smsportal.user.account.PortalUserRepository;
import com.smsportal.user.account.Usernames;
import com.smsportal.user.secondfactor.SecondFactors;
import com.smsportal.user.session.UserSessions;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
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

  private List<UserRow> rows(List<PortalUser> list) {
    Set<Long> enrolled = secondFactors.enrolledOf(list.stream().map(PortalUser::getId).toList());
    return list.stream().map(user -> UserRow.of(user, enrolled.contains(user.getId()))).toList();
  }

  @Transactional
  Created createCustomer(TenantView tenant, UserForm form) {
    Created created = create(form, Role.TENANT_ADMIN, tenant.id());
    audit.record(
        AuditEntry.success(AuditAction.USER_CREATED, created.user().username())
            .tenant(tenant.id(), tenant.name())
            .detail(AuditDetail.of("audit.detail.role", AuditDetail.text("role.TENANT_ADMIN"))));
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
    return users
        .findById(userId)
        .map(
            user -> {
              requireMayManage(user, actor);
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
   * An administrator removes a user's second factor (a lost phone): the user's sessions end, and
   * whoever needs one enrols again at the next sign-in. Audited.
   */
  @Transactional
  Optional<UserRow> resetSecondFactor(long userId, PortalUserDetails actor) {
    if (actor.role() != Role.ADMIN) {
      throw new AccessDeniedException("only an administrator resets a second factor");
    }
    return users
        .findById(userId)
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

  /** Support requires (or stops requiring) a second factor of a tenant's customers. Audited. */
  @Transactional
  void requireSecondFactor(TenantView tenant, boolean required) {
    secondFactors.requireOf(tenant.id(), required);
    audit.record(
        AuditEntry.success(AuditAction.SECOND_FACTOR_POLICY_CHANGED, tenant.name())
            .tenant(tenant.id(), tenant.name())
            .detail(
                AuditDetail.of(
                    required
                        ? "audit.detail.secondFactorRequired"
                        : "audit.detail.secondFactorOptional")));
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
