package com.smsportal.user;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ClientThrottleRepository extends JpaRepository<ClientThrottle, String> {

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select c from ClientThrottle c where c.client = :client")
  Optional<ClientThrottle> findForUpdate(String client);

  List<ClientThrottle> findByBlockedUntilAfterOrderByBlockedUntilDesc(Instant now);

  @Modifying
  @Query(
      "delete from ClientThrottle c where c.lastFailureAt < :quietSince"
          + " and (c.blockedUntil is null or c.blockedUntil <= :now)")
  int deleteQuiet(Instant quietSince, Instant now);
}
