package com.smsportal.user.signin;

import com.smsportal.audit.AuditLog;
import com.smsportal.user.account.PortalUserRepository;
import com.smsportal.user.secondfactor.SecondFactors;
import com.smsportal.user.throttle.CodeProtection;
import com.smsportal.user.throttle.LoginProtection;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.password.PasswordEncoder;

/** How the login form's user name and password are checked: inside the throttle, then the code. */
@Configuration
class SignInConfig {

  @Bean
  AuthenticationManager authenticationManager(
      PortalUserDetailsService userDetails,
      PasswordEncoder encoder,
      LoginProtection protection,
      CodeProtection codes,
      SecondFactors secondFactors,
      PortalUserRepository users,
      AuditLog audit,
      Clock clock) {
    DaoAuthenticationProvider passwordCheck = new DaoAuthenticationProvider(userDetails);
    passwordCheck.setPasswordEncoder(encoder);
    // Disabled users, suspended tenants and expired one-time passwords are told so only after a
    // correct password: before it, the answer would reveal that the user exists.
    passwordCheck.setPreAuthenticationChecks(user -> {});
    passwordCheck.setPostAuthenticationChecks(
        user -> {
          if (!user.isEnabled()) {
            throw new DisabledException("disabled");
          }
          if (!user.isCredentialsNonExpired()) {
            throw new CredentialsExpiredException("one-time password expired");
          }
        });
    return new ProviderManager(
        new ThrottledAuthenticationProvider(
            passwordCheck, protection, codes, secondFactors, users, audit, clock));
  }
}
