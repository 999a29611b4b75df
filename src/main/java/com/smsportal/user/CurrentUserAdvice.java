package com.smsportal.user;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the logged-in user in every page's model, for the layout's header and navigation. */
@ControllerAdvice
class CurrentUserAdvice {

  @ModelAttribute("currentUser")
  CurrentUser currentUser(@AuthenticationPrincipal PortalUserDetails principal) {
    return principal == null
        ? null
        : new CurrentUser(principal.getUsername(), principal.role(), principal.tenantName());
  }
}
