package com.smsportal.user;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PortalUserRepository extends JpaRepository<PortalUser, Long> {

  Optional<PortalUser> findByUsername(String username);

  boolean existsByRole(Role role);

  boolean existsByUsername(String username);

  List<PortalUser> findByTenantIdOrderByUsername(long tenantId);

  List<PortalUser> findByTenantIdIsNullOrderByUsername();

  List<PortalUser> findByDemoTrue();

  List<PortalUser> findByUsernameIn(List<String> usernames);
}
