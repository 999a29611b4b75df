package com.smsportal.sending.store;

import com.smsportal.sending.JobState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface SendJobRepository
    extends JpaRepository<SendJob, Long>, JpaSpecificationExecutor<SendJob> {

  Optional<SendJob> findByIdempotencyKey(String idempotencyKey);

  List<SendJob> findAllByOrderByIdDesc(Limit limit);

  List<SendJob> findByIdLessThanOrderByIdDesc(long before, Limit limit);

  List<SendJob> findByStateOrderByIdDesc(JobState state);

  /** The numbers of the tenant's jobs stored since {@code since}. */
  @Query(
      "select coalesce(sum(j.numberCount), 0) from SendJob j where j.tenantId = :tenantId"
          + " and j.createdAt >= :since")
  long numbersSince(long tenantId, Instant since);
}
