package com.smsportal.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.annotations.TenantId;

/**
 * Base of every entity that belongs to one tenant. Hibernate fills {@code tenant_id} from the
 * current tenant on insert and adds it to every query, so a row of another tenant is simply not
 * found. Native SQL is not filtered: never query tenant tables natively.
 */
@MappedSuperclass
public abstract class TenantOwned {

  @TenantId
  @Column(name = "tenant_id", nullable = false, updatable = false)
  private Long tenantId;

  public Long getTenantId() {
    return tenantId;
  }

  /**
   * Sets the tenant of a new row explicitly. Only for the operator's staff, whose context
   * (ALL_TENANTS) is Hibernate's root tenant: Hibernate keeps an explicit value there and refuses
   * one that differs from the current tenant anywhere else. Never fill it from a request of a
   * customer.
   */
  protected void assignTenant(long tenantId) {
    this.tenantId = tenantId;
  }
}
