package com.smsportal.user;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.audit.AuditOutcome;
import java.time.Clock;
import java.util.function.Supplier;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password checking inside the throttle ({@link LoginProtection}), for the login form and for the
 * actuator's HTTP Basic alike.
 *
 * <ul>
 *   <li>An account that is soft-locked, or a client address that is blocked, is refused before its
 *       password is looked at, unless the form brought a second-factor code with the password: the
 *       right password and a valid code pass any lock, so nobody can lock staff out.
 *   <li>On the form, the right password of a user with a second factor leads to the code page
 *       ({@link SignInRefusedException.Reason#SECOND_FACTOR_NEEDED}); the session is not signed in
 *       until the code is right. HTTP Basic cannot ask for a code: the password alone signs in
 *       there.
 *   <li>Unknown and known user names behave alike, so the answers never tell whether a user exists;
 *       only the records differ (nothing is stored for a name that does not exist).
 * </ul>
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

  private final AuthenticationProvider passwordCheck;
  private final LoginProtection protection;
  private final SecondFactors secondFactors;
  private final PortalUserRepository users;
  private final AuditLog audit;
  private final Clock clock;

  ThrottledAuthenticationProvider(
      AuthenticationProvider passwordCheck,
      LoginProtection protection,
      SecondFactors secondFactors,
      PortalUserRepository users,
      AuditLog audit,
      Clock clock) {
    this.passwordCheck = passwordCheck;
    this.protection = protection;
    this.secondFactors = secondFactors;
    this.users = users;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String username = Usernames.normalize(authentication.getName());
    String clientIp = clientIp(authentication);
    boolean known = users.existsByUsername(username);
    String code =
        authentication.getDetails() instanceof SignInDetails details ? details.code() : null;
    boolean interactive = authentication.getDetails() instanceof SignInDetails;

    boolean blocked = protection.clientBlockedUntil(clientIp).isPresent();
    boolean locked = protection.lockedUntil(username, known).isPresent();
    if ((blocked || locked) && code == null) {
      // Neither recorded nor audited one by one: hammering a locked account adds no rows. The
      // lock itself was audited when it began; the alarm and the client's count see each one.
      throttled(clientIp);
      throw locked ? new LockedException("locked") : SignInRefusedException.clientBlocked();
    }

    PortalUserDetails user;
    try {
      user = (PortalUserDetails) passwordCheck.authenticate(authentication).getPrincipal();
    } catch (BadCredentialsException badPassword) {
      if (blocked || locked) {
        // A try to pass a lock with a code: the password was wrong, and it is counted like any
        // refused attempt, without a row of its own.
        throttled(clientIp);
        throw locked ? new LockedException("locked") : SignInRefusedException.clientBlocked();
      }
      LoginProtection.Failure failure =
          onceMore(() -> protection.recordFailure(username, known, clientIp));
      if (known) {
        audit.recordAs(
            username,
            null,
            failure.accountLocked()
                ? entry(AuditAction.LOGIN_LOCKED, AuditOutcome.FAILURE, "locked now")
                : entry(AuditAction.LOGIN, AuditOutcome.FAILURE, "wrong password"));
      }
      if (failure.clientBlocked()) {
        clientBlocked(clientIp);
      }
      if (failure.accountLocked()) {
        throw new LockedException("locked");
      }
      if (failure.clientBlocked()) {
        throw SignInRefusedException.clientBlocked();
      }
      throw badPassword;
    } catch (DisabledException disabled) {
      refuse(username, clientIp, LoginOutcome.DISABLED, "user disabled or tenant suspended");
      throw disabled;
    } catch (CredentialsExpiredException expired) {
      refuse(username, clientIp, LoginOutcome.EXPIRED, "one-time password expired");
      throw expired;
    }

    boolean needsCode = interactive && user.secondFactorEnrolled();
    if ((blocked || locked) && !needsCode) {
      // The right password alone does not pass a lock; the answer is the same as for a wrong one.
      throttled(clientIp);
      throw locked ? new LockedException("locked") : SignInRefusedException.clientBlocked();
    }
    if (needsCode && protection.codesLocked(username)) {
      refuse(username, clientIp, LoginOutcome.LOCKED, "second-factor codes locked");
      throw new LockedException("codes locked");
    }
    if (needsCode && code == null) {
      protection.recordRefused(username, clientIp, LoginOutcome.CODE_NEEDED);
      throw SignInRefusedException.secondFactorNeeded(
          new PendingSignIn(user.id(), username, clock.instant(), 0));
    }
    if (needsCode) {
      SecondFactors.Check check = secondFactors.verify(user.id(), code);
      if (!check.passed()) {
        LoginProtection.Failure failure =
            onceMore(() -> protection.recordCodeFailure(username, clientIp));
        audit.recordAs(
            username,
            null,
            entry(AuditAction.LOGIN, AuditOutcome.FAILURE, "wrong second-factor code"));
        if (failure.clientBlocked()) {
          clientBlocked(clientIp);
        }
        if (failure.accountLocked() || locked) {
          throw new LockedException("locked");
        }
        if (failure.clientBlocked() || blocked) {
          throw SignInRefusedException.clientBlocked();
        }
        throw new BadCredentialsException("wrong code");
      }
      recordSuccess(user, clientIp, check);
    } else {
      recordSuccess(user, clientIp, null);
    }
    return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
  }

  private void recordSuccess(PortalUserDetails user, String clientIp, SecondFactors.Check check) {
    protection.recordSuccess(user.getUsername(), clientIp);
    audit.recordAs(
        user.getUsername(),
        user.role().name(),
        entry(
                AuditAction.LOGIN,
                AuditOutcome.SUCCESS,
                check == SecondFactors.Check.RECOVERY_CODE ? "with a recovery code" : null)
            .tenant(user.tenantId(), user.tenantName()));
  }

  private void refuse(String username, String clientIp, LoginOutcome outcome, String why) {
    protection.recordRefused(username, clientIp, outcome);
    audit.recordAs(username, null, entry(AuditAction.LOGIN, AuditOutcome.DENIED, why));
  }

  private void throttled(String clientIp) {
    if (onceMore(() -> protection.recordThrottled(clientIp))) {
      clientBlocked(clientIp);
    }
  }

  /** One audit entry per block of an address, never one per attempt. */
  private void clientBlocked(String clientIp) {
    audit.recordAs(
        "anonymous",
        null,
        new AuditEntry(
            AuditAction.LOGIN_CLIENT_BLOCKED,
            AuditOutcome.FAILURE,
            null,
            null,
            ClientAddresses.key(clientIp),
            "too many failed logins"));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  private static AuditEntry entry(AuditAction action, AuditOutcome outcome, String detail) {
    return new AuditEntry(action, outcome, null, null, null, detail);
  }

  private static <T> T onceMore(Supplier<T> recording) {
    try {
      return recording.get();
    } catch (DataIntegrityViolationException concurrentFirstFailure) {
      return recording.get();
    }
  }

  private static String clientIp(Authentication authentication) {
    return authentication.getDetails() instanceof WebAuthenticationDetails details
        ? details.getRemoteAddress()
        : null;
  }
}
