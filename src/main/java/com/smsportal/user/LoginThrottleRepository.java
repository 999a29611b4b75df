package com.smsportal.user;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface LoginThrottleRepository extends JpaRepository<LoginThrottle, String> {

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select t from LoginThrottle t where t.username = :username")
  Optional<LoginThrottle> findForUpdate(String username);

  List<LoginThrottle> findByLockedUntilAfterOrderByLockedUntilDesc(Instant now);
}
