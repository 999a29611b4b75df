package com.smsportal.user.account;

import com.smsportal.user.Role;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PortalUserRepository extends JpaRepository<PortalUser, Long> {

  Optional<PortalUser> findByUsername(String username);

  boolean existsByRole(Role role);

  boolean existsByUsername(String username);

  List<PortalUser> findByTenantIdOrderByUsername(long tenantId);

  List<PortalUser> findByTenantIdIsNullOrderByUsername();

  List<PortalUser> findBySeededTrue();

  List<PortalUser> findByUsernameIn(List<String> usernames);
}
