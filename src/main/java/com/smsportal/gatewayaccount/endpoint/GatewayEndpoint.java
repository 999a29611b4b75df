package com.smsportal.gatewayaccount.endpoint;

import com.smsportal.gateway.GatewayCharset;
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

/**
 * A gateway endpoint the portal may talk to: an address at the vendor that only administrators set.
 * Gateway accounts choose one; nobody else ever types a URL. Not owned by a tenant: every tenant's
 * accounts choose among the same endpoints.
 */
@Entity
@Table(name = "gateway_endpoint")
class GatewayEndpoint {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 255)
  private String name;

  @Column(name = "base_url", nullable = false, length = 255)
  private String baseUrl;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "default_charset", nullable = false, length = 10)
  private GatewayCharset defaultCharset;

  @Column(length = 500)
  private String note;

  @Column(nullable = false)
  private boolean active;

  /** The most numbers one submit may carry on this endpoint; null: the portal's rules alone. */
  @Column(name = "max_chunk_size")
  private Integer maxChunkSize;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 100)
  private String createdBy;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by", nullable = false, length = 100)
  private String updatedBy;

  protected GatewayEndpoint() {}

  GatewayEndpoint(EndpointSettings settings, String by, Instant now) {
    this.active = true;
    this.createdAt = now;
    this.createdBy = by;
    apply(settings, by, now);
  }

  void apply(EndpointSettings settings, String by, Instant now) {
    this.name = settings.name();
    this.baseUrl = settings.baseUrl();
    this.defaultCharset = settings.defaultCharset();
    this.note = settings.note();
    this.maxChunkSize = settings.maxChunkSize();
    touched(by, now);
  }

  void activate(boolean active, String by, Instant now) {
    this.active = active;
    touched(by, now);
  }

  private void touched(String by, Instant now) {
    this.updatedAt = now;
    this.updatedBy = by;
  }

  Long getId() {
    return id;
  }

  String getName() {
    return name;
  }

  String getBaseUrl() {
    return baseUrl;
  }

  boolean isActive() {
    return active;
  }

  EndpointView toView() {
    return new EndpointView(
        id,
        name,
        baseUrl,
        defaultCharset,
        note,
        active,
        createdAt,
        createdBy,
        updatedAt,
        updatedBy,
        maxChunkSize);
  }
}
