package com.smsportal.user;

import com.smsportal.tenant.TenantService;
import com.smsportal.tenant.TenantView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the logged-in user in every page's model, for the layout's header and navigation. */
@ControllerAdvice
class CurrentUserAdvice {

  private final TenantService tenants;

  CurrentUserAdvice(TenantService tenants) {
    this.tenants = tenants;
  }

  @ModelAttribute("currentUser")
  CurrentUser currentUser(@AuthenticationPrincipal PortalUserDetails principal) {
    if (principal == null) {
      return null;
    }
    String tenantName =
        principal.tenantId() == null
            ? null
            : tenants.find(principal.tenantId()).map(TenantView::name).orElse(null);
    return new CurrentUser(principal.getUsername(), principal.role(), tenantName);
  }
}
