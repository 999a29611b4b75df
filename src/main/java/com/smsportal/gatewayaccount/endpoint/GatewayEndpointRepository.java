package com.smsportal.gatewayaccount.endpoint;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

/** Endpoints are shared by all tenants: no tenant filter applies here. */
interface GatewayEndpointRepository extends JpaRepository<GatewayEndpoint, Long> {

  Optional<GatewayEndpoint> findByName(String name);

  /** The endpoint, its row locked until the transaction ends: a retirement waits for a change. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  Optional<GatewayEndpoint> findLockedById(Long id);

  Optional<GatewayEndpoint> findByBaseUrl(String baseUrl);

  List<GatewayEndpoint> findByActiveTrueOrderByNameAscIdAsc();

  List<GatewayEndpoint> findAllByOrderByActiveDescNameAscIdAsc();
}
