package com.smsportal.notifications;

import com.smsportal.user.Role;
import java.util.List;

/**
 * What a notice tells of. Its sentence is {@code notice.<kind>.text} (in-app) and {@code
 * notice.<kind>.subject} (mail), with the notice's params in order.
 */
public enum NoticeKind {
  /** An account's balance fell under its threshold: the tenant's admins. */
  BALANCE_LOW,
  /** No successful poll of an account for a while: the operator's admins. */
  NO_POLL,
  /** A job finished (and whether it has numbers of unknown outcome): its sender. */
  JOB_FINISHED,
  /** A gateway password rotation is in doubt: the operator's admins. */
  ROTATION_IN_DOUBT,
  /** The tenant was suspended: its users. */
  TENANT_SUSPENDED,
  /** A webhook endpoint was disabled after failing: the tenant's admins. */
  WEBHOOK_DISABLED;

  /** Kinds a user of a tenant may receive. */
  public static final List<NoticeKind> TENANT_KINDS =
      List.of(BALANCE_LOW, JOB_FINISHED, TENANT_SUSPENDED, WEBHOOK_DISABLED);

  /** Kinds the operator's staff may receive. */
  public static final List<NoticeKind> STAFF_KINDS = List.of(NO_POLL, ROTATION_IN_DOUBT);

  /** The kinds a user of this role receives, as the preferences page lists them. */
  public static List<NoticeKind> forRole(Role role) {
    return switch (role) {
      case TENANT_ADMIN -> TENANT_KINDS;
      case SENDER -> List.of(JOB_FINISHED, TENANT_SUSPENDED);
      case VIEWER -> List.of(TENANT_SUSPENDED);
      case ADMIN -> STAFF_KINDS;
      case SUPPORT -> List.of();
    };
  }

  /** The message key's part: {@code balance-low}. */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
