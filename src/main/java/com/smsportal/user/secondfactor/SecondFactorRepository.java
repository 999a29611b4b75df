package com.smsportal.user.secondfactor;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface SecondFactorRepository extends JpaRepository<SecondFactor, Long> {

  /** Locked, so that two sign-ins with the same code cannot both pass. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select f from SecondFactor f where f.userId = :userId")
  Optional<SecondFactor> findForUpdate(long userId);
}
