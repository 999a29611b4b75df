package com.smsportal.webhooks.endpoint;

import com.smsportal.tenant.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A tenant's webhook endpoint: the URL its admin typed, the events it takes, whether it is active,
 * and its signing secret sealed with the portal's key. What the delivery worker writes (failing
 * since, disabled, its lease) is read here and never written back by a page: Hibernate writes only
 * the columns a page changed ({@link DynamicUpdate}), and those are not among them.
 */
@Entity
@Table(name = "webhook_endpoint")
@DynamicUpdate
public class WebhookEndpoint extends TenantOwned {

  public static final int MAX_URL = 500;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = MAX_URL)
  private String url;

  @Column(nullable = false, length = 200)
  private String events;

  @Column(nullable = false)
  private boolean active;

  @Column(name = "secret_sealed", length = 500)
  private String secretSealed;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, updatable = false, length = 100)
  private String createdBy;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by", nullable = false, length = 100)
  private String updatedBy;

  @Column(name = "failing_since", insertable = false, updatable = false)
  private Instant failingSince;

  @Column(name = "disabled_at", insertable = false, updatable = false)
  private Instant disabledAt;

  protected WebhookEndpoint() {}

  WebhookEndpoint(EndpointForm.Checked form, Instant at, String by) {
    this.createdAt = at;
    this.createdBy = by;
    change(form, at, by);
  }

  void change(EndpointForm.Checked form, Instant at, String by) {
    this.url = form.url();
    this.events = String.join(",", form.events());
    this.active = form.active();
    this.updatedAt = at;
    this.updatedBy = by;
  }

  void seal(String sealed) {
    this.secretSealed = sealed;
  }

  public EndpointView toView() {
    return new EndpointView(
        id,
        url,
        List.of(events.split(",")),
        active,
        createdAt,
        updatedAt,
        updatedBy,
        failingSince,
        active ? null : disabledAt);
  }

  public Long getId() {
    return id;
  }

  public String getUrl() {
    return url;
  }

  public boolean isActive() {
    return active;
  }

  String getSecretSealed() {
    return secretSealed;
  }
}
