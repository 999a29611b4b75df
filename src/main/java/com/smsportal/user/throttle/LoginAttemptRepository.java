package com.smsportal.user.throttle;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface LoginAttemptRepository
    extends JpaRepository<LoginAttempt, Long>, JpaSpecificationExecutor<LoginAttempt> {

  List<LoginAttempt> findByUsernameOrderByIdDesc(String username, Limit limit);

  List<LoginAttempt> findByUsernameAndOutcomeOrderByIdDesc(
      String username, LoginOutcome outcome, Limit limit);

  /** The user's attempts with these outcomes between two ids (exclusive). */
  @Query(
      "select count(a) from LoginAttempt a where a.username = :username"
          + " and a.outcome in :outcomes and a.id > :after and a.id < :before")
  long countFailuresBetween(
      String username, Collection<LoginOutcome> outcomes, long after, long before);

  @Query(
      "select a from LoginAttempt a where a.username = :username"
          + " and a.outcome in :outcomes and a.id > :after and a.id < :before order by a.id desc")
  List<LoginAttempt> findFailuresBetween(
      String username, Collection<LoginOutcome> outcomes, long after, long before, Limit limit);

  @Modifying
  @Query("delete from LoginAttempt a where a.attemptedAt < :before")
  int deleteOlderThan(Instant before);
}
