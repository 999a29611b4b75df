package com.smsportal.user;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface LoginThrottleRepository extends JpaRepository<LoginThrottle, String> {

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select t from LoginThrottle t where t.username = :username")
  Optional<LoginThrottle> findForUpdate(String username);

  @Query(
      "select t from LoginThrottle t where t.lockedUntil > :now or t.codesLockedUntil > :now"
          + " order by t.lastFailureAt desc")
  List<LoginThrottle> lockedAt(Instant now);

  /** Rows whose last failure is older than the window and whose locks have passed. */
  @Modifying
  @Query(
      "delete from LoginThrottle t where t.lastFailureAt < :quietSince"
          + " and (t.lockedUntil is null or t.lockedUntil <= :now)"
          + " and (t.codesLockedUntil is null or t.codesLockedUntil <= :now)")
  int deleteQuiet(Instant quietSince, Instant now);
}
