package com.smsportal.sending.store;

import com.smsportal.sending.JobState;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SendJobRepository extends JpaRepository<SendJob, Long> {

  Optional<SendJob> findByIdempotencyKey(String idempotencyKey);

  List<SendJob> findAllByOrderByIdDesc(Limit limit);

  List<SendJob> findByIdLessThanOrderByIdDesc(long before, Limit limit);

  List<SendJob> findByStateOrderByIdDesc(JobState state);
}
