package com.smsportal.audit;

/**
 * One thing to record. {@code target} and {@code detail} are for people, shown in the reader's
 * language when given as an {@link AuditDetail}; a plain text (a typed reason) is shown as given.
 * Neither may ever carry a password or credential.
 */
public record AuditEntry(
    AuditAction action,
    AuditOutcome outcome,
    Long tenantId,
    String tenantName,
    String target,
    String detail) {

  public static AuditEntry success(AuditAction action, String target) {
    return new AuditEntry(action, AuditOutcome.SUCCESS, null, null, target, null);
  }

  public static AuditEntry failure(AuditAction action, String target) {
    return new AuditEntry(action, AuditOutcome.FAILURE, null, null, target, null);
  }

  public static AuditEntry success(AuditAction action, AuditDetail target) {
    return success(action, target.encode());
  }

  public static AuditEntry failure(AuditAction action, AuditDetail target) {
    return failure(action, target.encode());
  }

  public AuditEntry tenant(Long id, String name) {
    return new AuditEntry(action, outcome, id, name, target, detail);
  }

  /** Free text shown as it is, in every language: a reason someone typed. */
  public AuditEntry detail(String text) {
    String plain = text == null ? null : text.replaceAll("[\\u0000-\\u001F]", " ");
    return new AuditEntry(action, outcome, tenantId, tenantName, target, plain);
  }

  /** A detail shown in the reader's language. */
  public AuditEntry detail(AuditDetail detail) {
    return new AuditEntry(
        action, outcome, tenantId, tenantName, target, detail == null ? null : detail.encode());
  }
}
