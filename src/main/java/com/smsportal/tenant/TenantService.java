package com.smsportal.tenant;

import java.time.Clock;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tenant module's facade: the only way other modules read or create tenants. */
@Service
public class TenantService {

  private final TenantRepository tenants;
  private final Clock clock;

  TenantService(TenantRepository tenants, Clock clock) {
    this.tenants = tenants;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Optional<TenantView> find(long id) {
    return tenants.findById(id).map(Tenant::toView);
  }

  @Transactional(readOnly = true)
  public Optional<TenantView> findByName(String name) {
    return tenants.findByName(name).map(Tenant::toView);
  }

  /** True only for an existing tenant that is not suspended. */
  @Transactional(readOnly = true)
  public boolean isActive(long id) {
    return tenants.findById(id).map(t -> t.getStatus() == TenantStatus.ACTIVE).orElse(false);
  }

  @Transactional(readOnly = true)
  public Page<TenantView> search(String query, Pageable pageable) {
    String q = query == null ? "" : query.strip();
    return tenants.findByNameContainingIgnoreCase(q, pageable).map(Tenant::toView);
  }

  @Transactional(readOnly = true)
  public long count() {
    return tenants.count();
  }

  @Transactional
  public TenantView create(String name) {
    return tenants.save(new Tenant(name.strip(), clock.instant())).toView();
  }

  @Transactional
  public void suspend(long id) {
    tenants.findById(id).ifPresent(Tenant::suspend);
  }

  @Transactional
  public void reactivate(long id) {
    tenants.findById(id).ifPresent(Tenant::reactivate);
  }
}
