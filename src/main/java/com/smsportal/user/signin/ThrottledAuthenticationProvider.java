package com.smsportal.user.signin;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditDetail;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.audit.AuditOutcome;
import com.smsportal.user.account.PortalUserDetails;
import com.smsportal.user.account.PortalUserRepository;
import com.smsportal.user.account.Usernames;
import com.smsportal.user.secondfactor.SecondFactors;
import com.smsportal.user.throttle.ClientAddresses;
import com.smsportal.user.throttle.CodeProtection;
import com.smsportal.user.throttle.LoginOutcome;
import com.smsportal.user.throttle.LoginProtection;
import java.time.Clock;
import java.util.UUID;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password checking inside the throttle ({@link LoginProtection}, {@link CodeProtection}) for the
 * login form, the one place a portal user's password signs in (the actuator takes only its metrics
 * token).
 *
 * <ul>
 *   <li>Every attempt is counted before its password is looked at, and given back when it is right:
 *       a name locked on this address, or slowed down, is refused without a look at the password,
 *       whatever the number of requests racing. The form's second-factor code passes a lock of the
 *       name on this address (the right password and a valid code together), never a slowdown.
 *   <li>On the form, the right password of a user with a second factor leads to the code page
 *       ({@link SignInRefusedException.Reason#SECOND_FACTOR_NEEDED}); the session is not signed in
 *       until the code is right, whoever the caller: a password alone never signs in a user who has
 *       a second factor.
 *   <li>Unknown and known user names behave alike, so the answers never tell whether a user exists;
 *       only the records differ (nothing is stored for a name that does not exist).
 * </ul>
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

  private final AuthenticationProvider passwordCheck;
  private final LoginProtection protection;
  private final CodeProtection codes;
  private final SecondFactors secondFactors;
  private final PortalUserRepository users;
  private final AuditLog audit;
  private final Clock clock;

  ThrottledAuthenticationProvider(
      AuthenticationProvider passwordCheck,
      LoginProtection protection,
      CodeProtection codes,
      SecondFactors secondFactors,
      PortalUserRepository users,
      AuditLog audit,
      Clock clock) {
    this.passwordCheck = passwordCheck;
    this.protection = protection;
    this.codes = codes;
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

    LoginProtection.PasswordTicket ticket =
        protection.passwordAttempt(username, known, clientIp, code != null);
    if (ticket.refused()) {
      // Neither recorded nor audited one by one: hammering a locked name adds no rows. The lock
      // itself was audited when it began; the alarm sees each one.
      throw refusal(ticket.refusal());
    }

    PortalUserDetails user;
    try {
      user = (PortalUserDetails) passwordCheck.authenticate(authentication).getPrincipal();
    } catch (BadCredentialsException badPassword) {
      LoginProtection.Failure failure = protection.passwordFailed(ticket);
      if (failure.clientSlowed()) {
        // One entry when an address's slowdown begins, never one per attempt.
        audit.recordAs(
            "anonymous",
            null,
            new AuditEntry(
                    AuditAction.LOGIN_CLIENT_BLOCKED,
                    AuditOutcome.FAILURE,
                    null,
                    null,
                    ClientAddresses.key(clientIp),
                    null)
                .detail(AuditDetail.of("audit.detail.login.slowed")));
      }
      if (known) {
        audit.recordAs(
            username,
            null,
            failure.locked()
                ? entry(
                    AuditAction.LOGIN_LOCKED, AuditOutcome.FAILURE, "audit.detail.login.lockedNow")
                : entry(
                    AuditAction.LOGIN, AuditOutcome.FAILURE, "audit.detail.login.wrongPassword"));
      }
      if (failure.locked() || ticket.bypassingLock()) {
        throw new LockedException("locked");
      }
      throw badPassword;
    } catch (DisabledException disabled) {
      protection.passwordRight(ticket);
      refuse(username, clientIp, LoginOutcome.DISABLED, "audit.detail.login.disabled");
      throw disabled;
    } catch (CredentialsExpiredException expired) {
      protection.passwordRight(ticket);
      refuse(username, clientIp, LoginOutcome.EXPIRED, "audit.detail.login.expired");
      throw expired;
    }
    protection.passwordRight(ticket);

    boolean needsCode = user.secondFactorEnrolled();
    if (ticket.bypassingLock() && !needsCode) {
      // The right password alone does not pass a lock; the answer is the same as for a wrong one.
      throw new LockedException("locked");
    }
    if (needsCode && codes.codesLocked(username)) {
      refuse(username, clientIp, LoginOutcome.LOCKED, "audit.detail.login.codesLocked");
      throw new LockedException("codes locked");
    }
    if (needsCode && code == null) {
      protection.recordRefused(username, clientIp, LoginOutcome.CODE_NEEDED);
      String hash = users.findById(user.id()).orElseThrow().getPasswordHash();
      throw SignInRefusedException.secondFactorNeeded(
          new PendingSignIn(
              UUID.randomUUID().toString(),
              user.id(),
              username,
              clock.instant(),
              PendingSignIn.stamp(hash)));
    }
    if (needsCode) {
      CodeProtection.CodeTicket codeTicket = codes.codeAttempt(username, null);
      if (codeTicket.refused()) {
        refuse(username, clientIp, LoginOutcome.LOCKED, "audit.detail.login.codesLocked");
        throw new LockedException("codes locked");
      }
      SecondFactors.Check check = secondFactors.verify(user.id(), code);
      if (!check.passed()) {
        LoginProtection.Failure failure = codes.codeFailed(codeTicket, clientIp);
        audit.recordAs(
            username,
            null,
            entry(AuditAction.LOGIN, AuditOutcome.FAILURE, "audit.detail.login.wrongCode"));
        if (failure.locked() || ticket.bypassingLock()) {
          throw new LockedException("locked");
        }
        throw new BadCredentialsException("wrong code");
      }
      recordSuccess(user, clientIp, check);
    } else {
      recordSuccess(user, clientIp, null);
    }
    return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
  }

  private AuthenticationException refusal(LoginProtection.Refusal refusal) {
    return refusal.locked()
        ? new LockedException("locked")
        : SignInRefusedException.slowed(refusal.secondsLeft(clock.instant()));
  }

  private void recordSuccess(PortalUserDetails user, String clientIp, SecondFactors.Check check) {
    protection.signedIn(user.getUsername(), clientIp, check != null, null);
    audit.recordAs(
        user.getUsername(),
        user.role().name(),
        entry(
                AuditAction.LOGIN,
                AuditOutcome.SUCCESS,
                check == SecondFactors.Check.RECOVERY_CODE
                    ? "audit.detail.login.recoveryCode"
                    : null)
            .tenant(user.tenantId(), user.tenantName()));
  }

  private void refuse(String username, String clientIp, LoginOutcome outcome, String why) {
    protection.recordRefused(username, clientIp, outcome);
    audit.recordAs(username, null, entry(AuditAction.LOGIN, AuditOutcome.DENIED, why));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  /** An entry whose detail is the message of {@code key} (none: null). */
  private static AuditEntry entry(AuditAction action, AuditOutcome outcome, String key) {
    return new AuditEntry(action, outcome, null, null, null, null)
        .detail(key == null ? null : AuditDetail.of(key));
  }

  private static String clientIp(Authentication authentication) {
    return authentication.getDetails() instanceof WebAuthenticationDetails details
        ? details.getRemoteAddress()
        : null;
  }
}
