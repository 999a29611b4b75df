package com.smsportal.tenant;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface TenantRepository extends JpaRepository<Tenant, Long> {

  Optional<Tenant> findByName(String name);

  Optional<Tenant> findByNameIgnoreCase(String name);

  Page<Tenant> findByNameContainingIgnoreCase(String name, Pageable pageable);

  /** The tenant, its row locked until the transaction ends (SELECT … FOR UPDATE). */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select t from Tenant t where t.id = :id")
  Optional<Tenant> findForUpdate(long id);
}
