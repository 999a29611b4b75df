package com.smsportal.user.signin;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditDetail;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.audit.AuditOutcome;
import com.smsportal.user.secondfactor.SecondFactors;
import com.smsportal.user.session.SessionProperties;
import com.smsportal.user.throttle.CodeProtection;
import com.smsportal.user.throttle.LoginProtection;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of a sign-in: after the right password, a code from the authenticator app or a
 * recovery code. The session is not signed in until then. Five wrong codes (counted in the database
 * before each check), a few minutes, or a change of the password, and the sign-in starts over;
 * wrong codes also count against the account (only someone who knows the password can make them).
 */
@Controller
class SecondFactorSignInController {

  static final String VIEW = "auth/verify";

  private final SecondFactors secondFactors;
  private final CodeProtection codes;
  private final SignIns signIns;
  private final SessionProperties properties;
  private final AuditLog audit;
  private final Clock clock;
  private final RequestCache requestCache = new RelativeRequestCache();

  SecondFactorSignInController(
      SecondFactors secondFactors,
      CodeProtection codes,
      SignIns signIns,
      SessionProperties properties,
      AuditLog audit,
      Clock clock) {
    this.secondFactors = secondFactors;
    this.codes = codes;
    this.signIns = signIns;
    this.properties = properties;
    this.audit = audit;
    this.clock = clock;
  }

  @GetMapping(SignInHandlers.CODE_PAGE)
  String form(HttpServletRequest request, Model model) {
    PendingSignIn pending = pending(request);
    if (pending == null) {
      return "redirect:/login?error=timeout";
    }
    model.addAttribute("username", pending.username());
    return VIEW;
  }

  @PostMapping(SignInHandlers.CODE_PAGE)
  String verify(
      @RequestParam(defaultValue = "") String code,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    PendingSignIn pending = pending(request);
    if (pending == null) {
      return "redirect:/login?error=timeout";
    }
    HttpSession session = request.getSession();
    if (!signIns.stillValid(pending)) {
      // The password was changed or reset since it was typed: this sign-in is over.
      session.removeAttribute(PendingSignIn.ATTRIBUTE);
      return "redirect:/login?error=timeout";
    }
    // Counted before the code is looked at, in the database: concurrent posts of one sign-in, or
    // of many sign-ins of one user, are checked exactly as often as the limits allow.
    CodeProtection.CodeTicket ticket = codes.codeAttempt(pending.username(), pending.id());
    if (ticket.refused()) {
      session.removeAttribute(PendingSignIn.ATTRIBUTE);
      return "redirect:/login?error=" + (ticket.signInEnded() ? "bad" : "locked");
    }
    SecondFactors.Check check =
        code.isBlank() ? SecondFactors.Check.WRONG : secondFactors.verify(pending.userId(), code);
    if (check.passed()) {
      if (!signIns.complete(pending, check, request, response)) {
        codes.codeRight(ticket);
        session.removeAttribute(PendingSignIn.ATTRIBUTE);
        return "redirect:/login?error=disabled";
      }
      SavedRequest saved = requestCache.getRequest(request, response);
      requestCache.removeRequest(request, response);
      return "redirect:" + (saved == null ? "/" : saved.getRedirectUrl());
    }
    LoginProtection.Failure failure = codes.codeFailed(ticket, request.getRemoteAddr());
    audit.recordAs(
        pending.username(),
        null,
        new AuditEntry(AuditAction.LOGIN, AuditOutcome.FAILURE, null, null, null, null)
            .detail(AuditDetail.of("audit.detail.login.wrongCode")));
    if (failure.locked() || failure.signInEnded()) {
      session.removeAttribute(PendingSignIn.ATTRIBUTE);
      return "redirect:/login?error=" + (failure.locked() ? "locked" : "bad");
    }
    model.addAttribute("username", pending.username());
    model.addAttribute("wrongCode", true);
    return VIEW;
  }

  /** The session's sign-in waiting for its code, if it is not older than allowed. */
  private PendingSignIn pending(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null
        || !(session.getAttribute(PendingSignIn.ATTRIBUTE) instanceof PendingSignIn pending)) {
      return null;
    }
    if (!pending.passwordAt().plus(properties.secondFactorTimeout()).isAfter(clock.instant())) {
      session.removeAttribute(PendingSignIn.ATTRIBUTE);
      return null;
    }
    return pending;
  }
}
