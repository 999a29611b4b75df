package com.smsportal.user.signin;

import com.smsportal.tenant.TenantService;
import com.smsportal.tenant.TenantView;
import com.smsportal.user.account.PortalUser;
import com.smsportal.user.account.PortalUserDetails;
import com.smsportal.user.account.PortalUserDetails.SecondFactorState;
import com.smsportal.user.account.PortalUserRepository;
import com.smsportal.user.account.Usernames;
import com.smsportal.user.secondfactor.SecondFactors;
import com.smsportal.user.session.SessionProperties;
import java.time.Clock;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class PortalUserDetailsService implements UserDetailsService {

  private final PortalUserRepository users;
  private final TenantService tenants;
  private final SecondFactors secondFactors;
  private final SessionProperties sessions;
  private final Clock clock;

  PortalUserDetailsService(
      PortalUserRepository users,
      TenantService tenants,
      SecondFactors secondFactors,
      SessionProperties sessions,
      Clock clock) {
    this.users = users;
    this.tenants = tenants;
    this.secondFactors = secondFactors;
    this.sessions = sessions;
    this.clock = clock;
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
    boolean current =
        !user.temporaryPasswordExpiredAt(clock.instant(), sessions.temporaryPasswordLifetime());
    return new PortalUserDetails(user, tenant, current, secondFactorOf(user));
  }

  private SecondFactorState secondFactorOf(PortalUser user) {
    if (secondFactors.enrolled(user.getId())) {
      return SecondFactorState.ENROLLED;
    }
    return secondFactors.required(user.getRole(), user.getTenantId())
        ? SecondFactorState.MUST_ENROL
        : SecondFactorState.NONE;
  }
}
