package com.smsportal.contacts.book;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditDetail;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import com.smsportal.tenant.TenantView;
import org.springframework.stereotype.Component;

/** The address book's audit entries: on the current tenant, details as message keys. */
@Component
public class ContactAudit {

  private final AuditLog audit;
  private final TenantService tenants;

  ContactAudit(AuditLog audit, TenantService tenants) {
    this.audit = audit;
    this.tenants = tenants;
  }

  public void record(AuditAction action, AuditDetail target, AuditDetail detail) {
    long tenant = TenantContext.current();
    AuditEntry entry =
        AuditEntry.success(action, target)
            .tenant(tenant, tenants.find(tenant).map(TenantView::name).orElse(null));
    audit.record(detail == null ? entry : entry.detail(detail));
  }
}
