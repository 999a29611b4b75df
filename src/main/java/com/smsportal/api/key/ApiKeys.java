package com.smsportal.api.key;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditDetail;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.audit.CurrentActor;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import com.smsportal.tenant.TenantView;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current tenant's API keys: created (the key returned once, only its hash kept), listed,
 * revoked; each change audited in the same transaction, never with the key.
 */
@Service
class ApiKeys {

  private final ApiKeyRepository keys;
  private final AuditLog audit;
  private final TenantService tenants;
  private final Clock clock;

  ApiKeys(ApiKeyRepository keys, AuditLog audit, TenantService tenants, Clock clock) {
    this.keys = keys;
    this.audit = audit;
    this.tenants = tenants;
    this.clock = clock;
  }

  /** Creates a key; the answer is the only time the whole key exists outside its owner. */
  @Transactional
  String create(String name, Set<ApiScope> scopes, Instant expiresAt) {
    KeyFormat.Issued issued = KeyFormat.issue();
    ApiKey key =
        keys.save(
            new ApiKey(
                name.strip(),
                issued,
                ApiScope.join(scopes),
                clock.instant(),
                CurrentActor.name(),
                expiresAt));
    record(
        AuditAction.API_KEY_CREATED,
        key,
        AuditDetail.of("api.audit.scopes", ApiScope.join(scopes)));
    return issued.key();
  }

  @Transactional(readOnly = true)
  List<ApiKeyRow> list() {
    Instant now = clock.instant();
    return keys.findAllByOrderByIdDesc().stream().map(k -> k.toRow(now)).toList();
  }

  @Transactional(readOnly = true)
  Optional<ApiKeyRow> find(long id) {
    return keys.findById(id).map(k -> k.toRow(clock.instant()));
  }

  /**
   * Revokes the key at once: every node looks keys up in the database on every request. False for
   * another tenant's key or none.
   */
  @Transactional
  boolean revoke(long id) {
    Optional<ApiKey> found = keys.findById(id);
    if (found.isEmpty()) {
      return false;
    }
    ApiKey key = found.get();
    if (!key.revoked()) {
      key.revoke(clock.instant(), CurrentActor.name());
      record(AuditAction.API_KEY_REVOKED, key, null);
    }
    return true;
  }

  private void record(AuditAction action, ApiKey key, AuditDetail detail) {
    long tenant = TenantContext.current();
    AuditEntry entry =
        AuditEntry.success(action, key.name() + " (" + key.shownPrefix() + ")")
            .tenant(tenant, tenants.find(tenant).map(TenantView::name).orElse(null));
    audit.record(detail == null ? entry : entry.detail(detail));
  }
}
