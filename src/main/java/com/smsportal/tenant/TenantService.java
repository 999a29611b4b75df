package com.smsportal.tenant;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditDetail;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The tenant module's facade: the only way other modules read or change tenants. */
@Service
public class TenantService {

  private final TenantRepository tenants;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  TenantService(
      TenantRepository tenants, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
    this.tenants = tenants;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Optional<TenantView> find(long id) {
    return tenants.findById(id).map(Tenant::toView);
  }

  /**
   * The tenant, its row locked until the caller's transaction ends, on every node: what checks the
   * tenant's limits and then stores a job does so one submit after another, so that two submits at
   * the same moment cannot together pass a limit.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<TenantView> lockForSending(long id) {
    return tenants.findForUpdate(id).map(Tenant::toView);
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

  /** Every tenant's name by id, in the order of the names: for staff, who choose among them. */
  @Transactional(readOnly = true)
  public Map<Long, String> names() {
    Map<Long, String> names = new LinkedHashMap<>();
    tenants.findAll(Sort.by("name")).forEach(t -> names.put(t.getId(), t.getName()));
    return names;
  }

  @Transactional(readOnly = true)
  public long count() {
    return tenants.count();
  }

  @Transactional
  public TenantView create(String name) {
    return create(TenantDetails.named(name));
  }

  /** Creates an active tenant; throws {@link TenantNameTakenException} for a name in use. */
  @Transactional
  public TenantView create(TenantDetails details) {
    requireFreeName(details.name(), null);
    TenantView created = tenants.save(new Tenant(details, clock.instant())).toView();
    audit.record(entry(AuditAction.TENANT_CREATED, created, (String) null));
    return created;
  }

  @Transactional
  public Optional<TenantView> update(long id, TenantDetails details) {
    Optional<Tenant> tenant = tenants.findById(id);
    tenant.ifPresent(
        t -> {
          requireFreeName(details.name(), id);
          TenantView before = t.toView();
          t.apply(details);
          audit.record(
              entry(AuditAction.TENANT_UPDATED, t.toView(), limitsChange(before, t.toView())));
        });
    return tenant.map(Tenant::toView);
  }

  /** What support set as the tenant's flood limits per number (null each: the default). */
  @Transactional(readOnly = true)
  public Optional<NumberLimits> numberLimits(long id) {
    return tenants.findById(id).map(Tenant::numberLimits);
  }

  /** Sets the tenant's flood limits per number (null: the default; 0: none), audited. */
  @Transactional
  public Optional<TenantView> changeNumberLimits(long id, NumberLimits limits) {
    Optional<Tenant> tenant = tenants.findById(id);
    tenant.ifPresent(
        t -> {
          NumberLimits before = t.numberLimits();
          t.numberLimits(limits);
          List<Object[]> changes = new java.util.ArrayList<>();
          change(changes, "audit.detail.limit.minute", before.perMinute(), limits.perMinute());
          change(changes, "audit.detail.limit.hour", before.perHour(), limits.perHour());
          change(changes, "audit.detail.limit.perNumberDay", before.perDay(), limits.perDay());
          audit.record(entry(AuditAction.TENANT_UPDATED, t.toView(), detail(changes)));
        });
    return tenant.map(Tenant::toView);
  }

  /** The sending limits' old and new values where they changed (empty: the default), or null. */
  private static AuditDetail limitsChange(TenantView before, TenantView after) {
    List<Object[]> changes = new java.util.ArrayList<>();
    change(changes, "audit.detail.limit.job", before.maxNumbersPerJob(), after.maxNumbersPerJob());
    change(changes, "audit.detail.limit.day", before.maxNumbersPerDay(), after.maxNumbersPerDay());
    change(
        changes, "audit.detail.limit.queued", before.maxQueuedNumbers(), after.maxQueuedNumbers());
    return detail(changes);
  }

  private static AuditDetail detail(List<Object[]> changes) {
    AuditDetail detail = null;
    for (Object[] c : changes) {
      detail =
          detail == null
              ? AuditDetail.of("audit.detail.limitChange", c)
              : detail.and("audit.detail.limitChange", c);
    }
    return detail;
  }

  private static void change(List<Object[]> changes, String what, Object before, Object after) {
    if (!java.util.Objects.equals(before, after)) {
      changes.add(
          new Object[] {
            AuditDetail.text(what),
            before == null ? AuditDetail.text("audit.detail.defaultLimit") : before,
            after == null ? AuditDetail.text("audit.detail.defaultLimit") : after
          });
    }
  }

  /** Suspends the tenant: its users' sessions end, logins and sends stop. Nothing is deleted. */
  @Transactional
  public Optional<TenantView> suspend(long id, String reason) {
    return changeStatus(id, TenantStatus.SUSPENDED, reason, AuditAction.TENANT_SUSPENDED);
  }

  @Transactional
  public Optional<TenantView> reactivate(long id, String reason) {
    return changeStatus(id, TenantStatus.ACTIVE, reason, AuditAction.TENANT_REACTIVATED);
  }

  @Transactional
  public void suspend(long id) {
    suspend(id, null);
  }

  @Transactional
  public void reactivate(long id) {
    reactivate(id, null);
  }

  private Optional<TenantView> changeStatus(
      long id, TenantStatus status, String reason, AuditAction action) {
    Optional<Tenant> tenant = tenants.findById(id);
    tenant.ifPresent(
        t -> {
          t.changeStatus(status, reason, clock.instant());
          audit.record(entry(action, t.toView(), reason));
          events.publishEvent(new TenantStatusChanged(id, status));
        });
    return tenant.map(Tenant::toView);
  }

  private void requireFreeName(String name, Long exceptId) {
    tenants
        .findByNameIgnoreCase(name.strip())
        .filter(other -> !other.getId().equals(exceptId))
        .ifPresent(
            other -> {
              throw new TenantNameTakenException(name.strip());
            });
  }

  private static AuditEntry entry(AuditAction action, TenantView tenant, String reason) {
    return AuditEntry.success(action, tenant.name())
        .tenant(tenant.id(), tenant.name())
        .detail(reason);
  }

  private static AuditEntry entry(AuditAction action, TenantView tenant, AuditDetail detail) {
    return AuditEntry.success(action, tenant.name())
        .tenant(tenant.id(), tenant.name())
        .detail(detail);
  }
}
