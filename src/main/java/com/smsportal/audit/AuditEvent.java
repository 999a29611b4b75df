package com.smsportal.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A recorded event. Immutable: Hibernate never updates it, and nothing here deletes it. */
@Entity
@Immutable
@Table(name = "audit_event")
class AuditEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(nullable = false, length = 64)
  private String actor;

  @Column(name = "actor_role", length = 20)
  private String actorRole;

  @Column(name = "tenant_id")
  private Long tenantId;

  @Column(name = "tenant_name", length = 100)
  private String tenantName;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false, length = 40)
  private AuditAction action;

  @Column(length = 200)
  private String target;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false, length = 20)
  private AuditOutcome outcome;

  @Column(name = "client_ip", length = 45)
  private String clientIp;

  @Column(length = 500)
  private String detail;

  protected AuditEvent() {}

  AuditEvent(Instant occurredAt, String actor, String actorRole, String clientIp, AuditEntry e) {
    this.occurredAt = occurredAt;
    this.actor = clip(actor, 64);
    this.actorRole = actorRole;
    this.clientIp = clientIp;
    this.tenantId = e.tenantId();
    this.tenantName = clip(e.tenantName(), 100);
    this.action = e.action();
    this.target = clip(e.target(), 200);
    this.outcome = e.outcome();
    this.detail = clip(e.detail(), 500);
  }

  private static String clip(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }

  AuditRecord toRecord() {
    return new AuditRecord(
        id,
        occurredAt,
        actor,
        actorRole,
        tenantId,
        tenantName,
        action,
        target,
        outcome,
        clientIp,
        detail);
  }
}
