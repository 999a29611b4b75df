package com.smsportal.user;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface LoginAttemptRepository extends JpaRepository<LoginAttempt, Long> {

  List<LoginAttempt> findByUsernameOrderByIdDesc(String username, Limit limit);

  /** Keyset paging, newest first: the page after the attempt with id {@code beforeId}. */
  List<LoginAttempt> findByIdLessThanOrderByIdDesc(long beforeId, Limit limit);

  long countByUsername(String username);

  @Modifying
  @Query("delete from LoginAttempt a where a.attemptedAt < :before")
  int deleteOlderThan(Instant before);
}
