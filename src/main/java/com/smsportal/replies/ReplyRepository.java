package com.smsportal.replies;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.Repository;

/** Read access to the current tenant's replies (Hibernate adds the tenant). */
interface ReplyRepository
    extends Repository<ReplyEntry, Long>, JpaSpecificationExecutor<ReplyEntry> {

  Optional<ReplyEntry> findById(Long id);
}
