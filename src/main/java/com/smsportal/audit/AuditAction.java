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
  SEND_CANCELLED,
  /** A number went onto a tenant's opt-out list (from a reply or by hand). */
  OPT_OUT_ADDED,
  OPT_OUT_REMOVED,
  /** A person changed a scheduled send job before it went. */
  SEND_EDITED,
  /** An administrator added a gateway endpoint the portal may call. */
  ENDPOINT_CREATED,
  /** An administrator changed a gateway endpoint (name, address, charset, note). */
  ENDPOINT_CHANGED,
  ENDPOINT_RETIRED,
  ENDPOINT_REACTIVATED,
  /** A user confirmed a second factor (TOTP) with a first code. */
  SECOND_FACTOR_ENROLLED,
  /** An administrator removed a user's second factor (a lost phone); they enrol again. */
  SECOND_FACTOR_RESET,
  /** Support required (or stopped requiring) a second factor of a tenant's customers. */
  SECOND_FACTOR_POLICY_CHANGED,
  /** A user made new recovery codes, retiring the earlier ones. */
  RECOVERY_CODES_ISSUED,
  /** A client address made too many failed logins and is blocked for a while. */
  LOGIN_CLIENT_BLOCKED,
  /** The demo's users and tenants were removed from a portal started without the demo. */
  DEMO_DATA_REMOVED,
  /**
   * A gateway account's settings changed (name, charset, chunk size, extension, active, low-balance
   * threshold) but not its login: not a change of credentials.
   */
  ACCOUNT_SETTINGS_CHANGED,

  /** A user turned their own optional second factor off (password and a current code given). */
  SECOND_FACTOR_DISABLED,

  /** A person imported a file of numbers onto the opt-out list: one entry with the counts. */
  OPT_OUT_IMPORTED,

  /** A customer applied for a signature (issue 24). */
  SIGNATURE_APPLIED,
  /** A customer withdrew a pending or rejected signature application. */
  SIGNATURE_WITHDRAWN,
  SIGNATURE_APPROVED,
  /** Support rejected a signature, with the reason as the detail. */
  SIGNATURE_REJECTED,
  TEMPLATE_CREATED,
  TEMPLATE_CHANGED,
  TEMPLATE_DELETED,
  TEMPLATE_APPROVED,
  /** Support rejected a template, with the reason as the detail. */
  TEMPLATE_REJECTED,
  /** Support switched "templates need review" on or off for a tenant. */
  TEMPLATE_REVIEW_SWITCHED,
  /** Issue 24: the address book. */
  CONTACT_CREATED,
  CONTACT_UPDATED,
  CONTACT_DELETED,
  CONTACTS_IMPORTED,
  CONTACT_GROUP_CREATED,
  CONTACT_GROUP_RENAMED,
  CONTACT_GROUP_DELETED,
  /** Issue 25: a tenant's user got another role inside the tenant (by its admin or support). */
  USER_ROLE_CHANGED,
  /** Issue 25: a tenant admin created an API key (its name and prefix, never the key). */
  API_KEY_CREATED,
  API_KEY_REVOKED,
  /** A request of the HTTP API was refused: the reason, and the key's prefix when it named one. */
  API_REQUEST_REFUSED,
  /** Issue 25: a tenant admin's webhook endpoints; the worker disables one failing for days. */
  WEBHOOK_CREATED,
  WEBHOOK_CHANGED,
  WEBHOOK_DELETED,
  WEBHOOK_SECRET_ROLLED,
  WEBHOOK_TEST_SENT,
  WEBHOOK_REDELIVERED,
  WEBHOOK_DISABLED
}
