package com.smsportal.audit;

/** What was done. Stored by name: never rename a constant, add new ones. */
public enum AuditAction {
  LOGIN,
  LOGIN_LOCKED,
  LOGOUT,
  LOGIN_UNLOCKED,
  TENANT_CREATED,
  TENANT_UPDATED,
  TENANT_SUSPENDED,
  TENANT_REACTIVATED,
  TENANT_VIEWED,
  USER_CREATED,
  USER_DISABLED,
  USER_ENABLED,
  USER_PASSWORD_RESET,
  PASSWORD_CHANGED,
  CREDENTIALS_CHANGED,
  PASSWORD_ROTATION,
  SEND,
  EXPORT,
  /** A person resent a send chunk whose outcome was unknown, accepting a possible double send. */
  SEND_RESENT,
  SEND_CANCELLED
}
