package com.smsportal.user;

import com.smsportal.user.account.PortalUserDetails;
import com.smsportal.user.throttle.LoginRecords;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the logged-in user in every page's model, for the layout's header and navigation, and the
 * failed attempts on their account since their previous sign-in until they dismiss the notice.
 */
@ControllerAdvice
class CurrentUserAdvice {

  @ModelAttribute("currentUser")
  CurrentUser currentUser(@AuthenticationPrincipal PortalUserDetails principal) {
    return principal == null
        ? null
        : new CurrentUser(principal.getUsername(), principal.role(), principal.tenantName());
  }

  @ModelAttribute("signInNotice")
  LoginRecords.FailuresSince signInNotice(
      @AuthenticationPrincipal PortalUserDetails principal, HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return principal == null || session == null
        ? null
        : session.getAttribute(LoginRecords.FailuresSince.ATTRIBUTE)
                instanceof LoginRecords.FailuresSince failures
            ? failures
            : null;
  }
}
