package com.smsportal.tenant;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Tenant-filtered by Hibernate: a customer's session finds only its own tenant's accounts. */
interface GatewayAccountRepository extends JpaRepository<GatewayAccount, Long> {

  Optional<GatewayAccount> findFirstByNameOrderById(String name);
}
