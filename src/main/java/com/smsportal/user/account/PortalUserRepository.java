package com.smsportal.user.account;

import com.smsportal.user.Role;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface PortalUserRepository extends JpaRepository<PortalUser, Long> {

  Optional<PortalUser> findByUsername(String username);

  boolean existsByRole(Role role);

  boolean existsByUsername(String username);

  List<PortalUser> findByTenantIdOrderByUsername(long tenantId);

  List<PortalUser> findByTenantIdIsNullOrderByUsername();

  List<PortalUser> findBySeededTrue();

  List<PortalUser> findByUsernameIn(List<String> usernames);

  /**
   * A tenant's enabled users of one role, locked until the transaction ends: two tenant admins
   * demoting each other at once cannot both see the other one still there.
   */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query(
      "select u from PortalUser u where u.tenantId = :tenantId and u.role = :role"
          + " and u.enabled = true order by u.id")
  List<PortalUser> lockEnabled(long tenantId, Role role);

  /** The enabled users of these roles: of one tenant, or (tenantId null) the operator's staff. */
  @Query(
      "select u.id from PortalUser u where u.enabled = true and u.role in :roles"
          + " and ((:tenantId is null and u.tenantId is null) or u.tenantId = :tenantId)"
          + " order by u.id")
  List<Long> enabledIds(Long tenantId, java.util.Collection<Role> roles);
}
