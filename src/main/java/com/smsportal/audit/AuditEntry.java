package com.smsportal.audit;

/**
 * One thing to record. {@code detail} is free text for people (a reason, a count), and must never
 * carry a password or credential.
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

  public AuditEntry tenant(Long id, String name) {
    return new AuditEntry(action, outcome, id, name, target, detail);
  }

  public AuditEntry detail(String text) {
    return new AuditEntry(action, outcome, tenantId, tenantName, target, text);
  }
}
