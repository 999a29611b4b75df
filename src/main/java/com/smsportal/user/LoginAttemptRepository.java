package com.smsportal.user;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface LoginAttemptRepository extends JpaRepository<LoginAttempt, Long> {

  List<LoginAttempt> findByUsernameOrderByIdDesc(String username, Limit limit);

  /** Keyset paging, newest first: the page after the attempt with id {@code beforeId}. */
  List<LoginAttempt> findByIdLessThanOrderByIdDesc(long beforeId, Limit limit);
}
