package com.smsportal.user;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.audit.AuditOutcome;
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
  private final AuditLog audit;

  ThrottledAuthenticationProvider(
      AuthenticationProvider passwordCheck, LoginProtection protection, AuditLog audit) {
    this.passwordCheck = passwordCheck;
    this.protection = protection;
    this.audit = audit;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String username = Usernames.normalize(authentication.getName());
    String clientIp = clientIp(authentication);
    if (protection.lockedUntil(username).isPresent()) {
      protection.recordRefused(username, clientIp, LoginOutcome.LOCKED);
      audit.recordAs(username, null, entry(AuditAction.LOGIN, AuditOutcome.DENIED, "locked"));
      throw new LockedException("locked");
    }
    try {
      Authentication result = passwordCheck.authenticate(authentication);
      protection.recordSuccess(username, clientIp);
      PortalUserDetails user = (PortalUserDetails) result.getPrincipal();
      audit.recordAs(
          username,
          user.role().name(),
          entry(AuditAction.LOGIN, AuditOutcome.SUCCESS, null)
              .tenant(user.tenantId(), user.tenantName()));
      return result;
    } catch (BadCredentialsException badPassword) {
      if (onceMore(() -> protection.recordFailure(username, clientIp))) {
        audit.recordAs(
            username, null, entry(AuditAction.LOGIN_LOCKED, AuditOutcome.FAILURE, "locked now"));
        throw new LockedException("locked by this failure");
      }
      audit.recordAs(
          username, null, entry(AuditAction.LOGIN, AuditOutcome.FAILURE, "wrong password"));
      throw badPassword;
    } catch (DisabledException disabled) {
      protection.recordRefused(username, clientIp, LoginOutcome.DISABLED);
      audit.recordAs(
          username,
          null,
          entry(AuditAction.LOGIN, AuditOutcome.DENIED, "user disabled or tenant suspended"));
      throw disabled;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  private static AuditEntry entry(AuditAction action, AuditOutcome outcome, String detail) {
    return new AuditEntry(action, outcome, null, null, null, detail);
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
