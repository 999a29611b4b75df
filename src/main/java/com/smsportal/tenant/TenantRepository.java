package com.smsportal.tenant;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface TenantRepository extends JpaRepository<Tenant, Long> {

  Optional<Tenant> findByName(String name);

  Optional<Tenant> findByNameIgnoreCase(String name);

  Page<Tenant> findByNameContainingIgnoreCase(String name, Pageable pageable);
}
