package com.smsportal.user.secondfactor;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface RecoveryCodeRepository extends JpaRepository<RecoveryCode, Long> {

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select c from RecoveryCode c where c.userId = :userId and c.codeHash = :codeHash")
  Optional<RecoveryCode> findForUpdate(long userId, String codeHash);

  long countByUserIdAndUsedAtIsNull(long userId);

  @Modifying
  @Query("delete from RecoveryCode c where c.userId = :userId")
  void deleteByUser(long userId);
}
