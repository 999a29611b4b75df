package com.smsportal.user;

import java.util.function.BooleanSupplier;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Wraps password checking with the lockout: a locked user name is refused before its password is
 * looked at, every outcome is recorded, and the fifth failure in a row locks the name. Unknown and
 * known user names behave alike, so the answers never tell whether a user exists.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

  private final AuthenticationProvider passwordCheck;
  private final LoginProtection protection;

  ThrottledAuthenticationProvider(
      AuthenticationProvider passwordCheck, LoginProtection protection) {
    this.passwordCheck = passwordCheck;
    this.protection = protection;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String username = Usernames.normalize(authentication.getName());
    String clientIp = clientIp(authentication);
    if (protection.lockedUntil(username).isPresent()) {
      protection.recordRefused(username, clientIp, LoginOutcome.LOCKED);
      throw new LockedException("locked");
    }
    try {
      Authentication result = passwordCheck.authenticate(authentication);
      protection.recordSuccess(username, clientIp);
      return result;
    } catch (BadCredentialsException badPassword) {
      if (onceMore(() -> protection.recordFailure(username, clientIp))) {
        throw new LockedException("locked by this failure");
      }
      throw badPassword;
    } catch (DisabledException disabled) {
      protection.recordRefused(username, clientIp, LoginOutcome.DISABLED);
      throw disabled;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  private static boolean onceMore(BooleanSupplier recording) {
    try {
      return recording.getAsBoolean();
    } catch (DataIntegrityViolationException concurrentFirstFailure) {
      return recording.getAsBoolean();
    }
  }

  private static String clientIp(Authentication authentication) {
    return authentication.getDetails() instanceof WebAuthenticationDetails details
        ? details.getRemoteAddress()
        : null;
  }
}
