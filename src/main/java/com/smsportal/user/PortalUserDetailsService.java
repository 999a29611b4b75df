package com.smsportal.user;

import com.smsportal.tenant.TenantService;
import com.smsportal.tenant.TenantView;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class PortalUserDetailsService implements UserDetailsService {

  private final PortalUserRepository users;
  private final TenantService tenants;

  PortalUserDetailsService(PortalUserRepository users, TenantService tenants) {
    this.users = users;
    this.tenants = tenants;
  }

  @Override
  @Transactional(readOnly = true)
  public UserDetails loadUserByUsername(String username) {
    PortalUser user =
        users
            .findByUsername(Usernames.normalize(username))
            .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    TenantView tenant =
        user.getTenantId() == null ? null : tenants.find(user.getTenantId()).orElse(null);
    return new PortalUserDetails(user, tenant);
  }
}
