package com.smsportal.gatewayaccount.account;

import com.smsportal.gatewayaccount.RotationState;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** Tenant-filtered by Hibernate: a customer's session finds only its own tenant's accounts. */
interface GatewayAccountRepository extends JpaRepository<GatewayAccount, Long> {

  Optional<GatewayAccount> findFirstByNameOrderById(String name);

  /**
   * Each account's id and name, by name (then id): what lists show beside their rows, without
   * reading and tracking whole accounts (issue 27: a tenth of the job list's time).
   */
  @Query("select a.id, a.name from GatewayAccount a order by a.name, a.id")
  List<Object[]> idsAndNames();

  Optional<GatewayAccount> findFirstByEndpointIdAndUseridAndAccountKeyOrderById(
      Long endpointId, String userid, String accountKey);

  List<GatewayAccount> findByEndpointIdOrderByTenantIdAscNameAsc(Long endpointId);

  /**
   * The identities (endpoint, userid, account key) that more than one verified account names: the
   * duplicates that existed before each identity could be registered only once. Accounts the
   * gateway has not verified are left out: they neither send nor poll, and claim nothing (V31).
   */
  @Query(
      "select a from GatewayAccount a where a.identityVerifiedAt is not null"
          + " and exists (select 1 from GatewayAccount b"
          + " where b.endpointId = a.endpointId and b.userid = a.userid"
          + " and b.accountKey = a.accountKey and b.id <> a.id"
          + " and b.identityVerifiedAt is not null)"
          + " order by a.endpointId, a.userid, a.accountKey, a.id")
  List<GatewayAccount> findSharingIdentity();

  /** The account, its row locked until the transaction ends: one rotation step at a time. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  Optional<GatewayAccount> findLockedById(Long id);

  List<GatewayAccount> findByRotationState(RotationState state);

  List<GatewayAccount> findByRotationStateAndRotationStartedAtBefore(
      RotationState state, Instant startedBefore);

  List<GatewayAccount> findByRotationStateAndRotationStartedBy(RotationState state, String node);
}
