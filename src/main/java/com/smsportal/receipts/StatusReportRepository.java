package com.smsportal.receipts;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.Repository;

/** Read access to the current tenant's status reports (Hibernate adds the tenant). */
interface StatusReportRepository
    extends Repository<StatusReportEntry, Long>, JpaSpecificationExecutor<StatusReportEntry> {

  Optional<StatusReportEntry> findById(Long id);
}
