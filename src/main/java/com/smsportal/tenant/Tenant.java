package com.smsportal.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "tenant")
class Tenant {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 100)
  private String name;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false, length = 20)
  private TenantStatus status;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Tenant() {}

  Tenant(String name, Instant createdAt) {
    this.name = name;
    this.status = TenantStatus.ACTIVE;
    this.createdAt = createdAt;
  }

  Long getId() {
    return id;
  }

  String getName() {
    return name;
  }

  TenantStatus getStatus() {
    return status;
  }

  Instant getCreatedAt() {
    return createdAt;
  }

  void suspend() {
    status = TenantStatus.SUSPENDED;
  }

  void reactivate() {
    status = TenantStatus.ACTIVE;
  }

  TenantView toView() {
    return new TenantView(id, name, status, createdAt);
  }
}
