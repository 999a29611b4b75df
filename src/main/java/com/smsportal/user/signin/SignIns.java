package com.smsportal.user.signin;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditDetail;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.audit.AuditOutcome;
import com.smsportal.user.account.PortalUserDetails;
import com.smsportal.user.account.PortalUserRepository;
import com.smsportal.user.secondfactor.SecondFactors;
import com.smsportal.user.session.SignedInSessions;
import com.smsportal.user.throttle.LoginProtection;
import com.smsportal.user.throttle.LoginRecords;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * What every completed sign-in does to its session, whichever way it came (password alone, or
 * password then code): the idle timeout, the moment that starts the absolute lifetime, and, for a
 * sign-in finished on the code page, what Spring Security does at a form login (a new session id
 * and CSRF token, the security context, which also indexes the session under the user's name).
 */
@Component
public class SignIns {

  private final SignedInSessions sessions;
  private final PortalUserDetailsService userDetails;
  private final PortalUserRepository users;
  private final LoginProtection protection;
  private final LoginRecords records;
  private final AuditLog audit;
  private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
  private final CsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();

  SignIns(
      SignedInSessions sessions,
      PortalUserDetailsService userDetails,
      PortalUserRepository users,
      LoginProtection protection,
      LoginRecords records,
      AuditLog audit) {
    this.sessions = sessions;
    this.userDetails = userDetails;
    this.users = users;
    this.protection = protection;
    this.records = records;
    this.audit = audit;
  }

  /**
   * Starts the session's clocks, and keeps for the pages the failed attempts on the user's account
   * since their previous sign-in: called for every completed sign-in.
   */
  void started(HttpServletRequest request, HttpServletResponse response, String username) {
    HttpSession session = request.getSession();
    sessions.started(session);
    // The session's CSRF token, made now rather than by its first page: pages opened at once
    // (restored tabs) would each make one, and all but the last one's forms would be refused.
    csrfTokens.saveToken(csrfTokens.generateToken(request), request, response);
    records
        .failuresBeforeLatestSignIn(username)
        .ifPresentOrElse(
            failures -> session.setAttribute(LoginRecords.FailuresSince.ATTRIBUTE, failures),
            () -> session.removeAttribute(LoginRecords.FailuresSince.ATTRIBUTE));
  }

  /**
   * Finishes a sign-in whose code was right: the session gets a new id and its user; false if the
   * user can no longer sign in (disabled, tenant suspended, password expired) meanwhile.
   */
  boolean complete(
      PendingSignIn pending,
      SecondFactors.Check check,
      HttpServletRequest request,
      HttpServletResponse response) {
    PortalUserDetails user = (PortalUserDetails) userDetails.loadUserByUsername(pending.username());
    if (!user.isEnabled()
        || !user.isCredentialsNonExpired()
        || user.id() != pending.userId()
        || !pending.madeWith(user.getPassword())) {
      return false;
    }
    user.eraseCredentials();
    request.getSession().removeAttribute(PendingSignIn.ATTRIBUTE);
    request.changeSessionId();
    // As Spring Security does at a form login: the CSRF token of the anonymous session goes.
    csrfTokens.saveToken(null, request, response);
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
    protection.signedIn(user.getUsername(), request.getRemoteAddr(), true, pending.id());
    started(request, response, user.getUsername());
    audit.recordAs(
        user.getUsername(),
        user.role().name(),
        new AuditEntry(AuditAction.LOGIN, AuditOutcome.SUCCESS, null, null, null, null)
            .detail(
                check == SecondFactors.Check.RECOVERY_CODE
                    ? AuditDetail.of("audit.detail.login.recoveryCode")
                    : null)
            .tenant(user.tenantId(), user.tenantName()));
    return true;
  }

  /**
   * Whether the pending sign-in's user still has the password it was made with (a change or a reset
   * by support ends it) and still exists.
   */
  boolean stillValid(PendingSignIn pending) {
    return users
        .findById(pending.userId())
        .filter(user -> user.getUsername().equals(pending.username()))
        .filter(user -> pending.madeWith(user.getPasswordHash()))
        .isPresent();
  }
}
