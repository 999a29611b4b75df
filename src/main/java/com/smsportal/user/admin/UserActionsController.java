package com.smsportal.user.admin;

import com.smsportal.user.account.PortalUserDetails;
import com.smsportal.web.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Disable, enable, reset password: the same for customers and staff, back to the list after. */
@Controller
class UserActionsController {

  private final UserAdministration administration;

  UserActionsController(UserAdministration administration) {
    this.administration = administration;
  }

  @PostMapping("/support/users/{id}/disable")
  String disable(
      @PathVariable long id, @AuthenticationPrincipal PortalUserDetails me, RedirectAttributes r) {
    UserRow user = administration.setEnabled(id, false, me).orElseThrow(NotFoundException::new);
    r.addFlashAttribute("done", "user.done.disabled");
    return backTo(user);
  }

  @PostMapping("/support/users/{id}/enable")
  String enable(
      @PathVariable long id, @AuthenticationPrincipal PortalUserDetails me, RedirectAttributes r) {
    UserRow user = administration.setEnabled(id, true, me).orElseThrow(NotFoundException::new);
    r.addFlashAttribute("done", "user.done.enabled");
    return backTo(user);
  }

  @PostMapping("/support/users/{id}/reset-password")
  String resetPassword(
      @PathVariable long id, @AuthenticationPrincipal PortalUserDetails me, RedirectAttributes r) {
    String temporary = administration.resetPassword(id, me).orElseThrow(NotFoundException::new);
    UserRow user = administration.find(id).orElseThrow(NotFoundException::new);
    r.addFlashAttribute("issued", new IssuedPassword(user.username(), temporary));
    return backTo(user);
  }

  /** An administrator's reset of a user's second factor ({@code /admin/**}: ADMIN only). */
  @PostMapping("/admin/users/{id}/reset-second-factor")
  String resetSecondFactor(
      @PathVariable long id, @AuthenticationPrincipal PortalUserDetails me, RedirectAttributes r) {
    UserRow user = administration.resetSecondFactor(id, me).orElseThrow(NotFoundException::new);
    r.addFlashAttribute("done", "user.done.secondFactorReset");
    return backTo(user);
  }

  private static String backTo(UserRow user) {
    return user.tenantId() == null
        ? "redirect:/support/staff"
        : "redirect:/support/tenants/" + user.tenantId() + "/users";
  }
}
