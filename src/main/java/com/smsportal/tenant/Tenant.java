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

  @Column(length = 200)
  private String contact;

  @Column(length = 2000)
  private String notes;

  @Column(name = "low_balance_threshold")
  private Long lowBalanceThreshold;

  /** Why the tenant was last suspended or reactivated. */
  @Column(name = "status_reason", length = 500)
  private String statusReason;

  @Column(name = "status_changed_at")
  private Instant statusChangedAt;

  @Column(name = "max_numbers_per_job")
  private Integer maxNumbersPerJob;

  @Column(name = "max_numbers_per_day")
  private Long maxNumbersPerDay;

  @Column(name = "max_queued_numbers")
  private Long maxQueuedNumbers;

  @Column(name = "flood_per_minute")
  private Integer floodPerMinute;

  @Column(name = "flood_per_hour")
  private Integer floodPerHour;

  @Column(name = "flood_per_day")
  private Integer floodPerDay;

  protected Tenant() {}

  Tenant(TenantDetails details, Instant createdAt) {
    this.status = TenantStatus.ACTIVE;
    this.createdAt = createdAt;
    apply(details);
  }

  void apply(TenantDetails details) {
    this.name = details.name().strip();
    this.contact = blankToNull(details.contact());
    this.notes = blankToNull(details.notes());
    this.lowBalanceThreshold = details.lowBalanceThreshold();
    this.maxNumbersPerJob = details.maxNumbersPerJob();
    this.maxNumbersPerDay = details.maxNumbersPerDay();
    this.maxQueuedNumbers = details.maxQueuedNumbers();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
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

  void changeStatus(TenantStatus newStatus, String reason, Instant at) {
    status = newStatus;
    statusReason = blankToNull(reason);
    statusChangedAt = at;
  }

  /** Its own flood limits per number (issue 26); null: the default. */
  NumberLimits numberLimits() {
    return new NumberLimits(floodPerMinute, floodPerHour, floodPerDay);
  }

  void numberLimits(NumberLimits limits) {
    floodPerMinute = limits.perMinute();
    floodPerHour = limits.perHour();
    floodPerDay = limits.perDay();
  }

  TenantView toView() {
    return new TenantView(
        id,
        name,
        status,
        createdAt,
        contact,
        notes,
        lowBalanceThreshold,
        statusReason,
        statusChangedAt,
        maxNumbersPerJob,
        maxNumbersPerDay,
        maxQueuedNumbers);
  }
}
