package com.smsportal.sending.store;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditDetail;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.tenant.TenantService;
import org.springframework.stereotype.Component;

/**
 * A send job's entries in the audit log, one way for every change to a job: the target is {@code
 * send job <id>}, under the job's tenant by id and name. In the caller's transaction.
 */
@Component
class JobAudit {

  private final AuditLog audit;
  private final TenantService tenants;

  JobAudit(AuditLog audit, TenantService tenants) {
    this.audit = audit;
    this.tenants = tenants;
  }

  void record(AuditAction action, long jobId, long tenantId, AuditDetail detail) {
    audit.record(
        AuditEntry.success(action, AuditDetail.of("audit.target.job", jobId))
            .tenant(tenantId, tenants.find(tenantId).map(t -> t.name()).orElse(null))
            .detail(detail));
  }
}
