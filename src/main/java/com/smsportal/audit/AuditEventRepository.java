package com.smsportal.audit;

import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.Repository;

/** Append and read only: the log has no update or delete. */
interface AuditEventRepository
    extends Repository<AuditEvent, Long>, JpaSpecificationExecutor<AuditEvent> {

  AuditEvent save(AuditEvent event);
}
