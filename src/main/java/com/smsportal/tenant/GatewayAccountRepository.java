package com.smsportal.tenant;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

/** Tenant-filtered by Hibernate: a customer's session finds only its own tenant's accounts. */
interface GatewayAccountRepository extends JpaRepository<GatewayAccount, Long> {

  Optional<GatewayAccount> findFirstByNameOrderById(String name);

  /** The account, its row locked until the transaction ends: one rotation step at a time. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  Optional<GatewayAccount> findLockedById(Long id);

  List<GatewayAccount> findByRotationState(RotationState state);

  List<GatewayAccount> findByRotationStateAndRotationStartedAtBefore(
      RotationState state, Instant startedBefore);

  List<GatewayAccount> findByRotationStateAndRotationStartedBy(RotationState state, String node);
}
