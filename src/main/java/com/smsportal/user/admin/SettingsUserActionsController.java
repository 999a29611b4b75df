package com.smsportal.user.admin;

import com.smsportal.user.Role;
import com.smsportal.user.account.PortalUserDetails;
import com.smsportal.web.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What a tenant admin does to one of its tenant's users: another role, disable and enable (each
 * after a page that asks), a new temporary password, a reset second factor. Another tenant's user
 * or a staff member is not found (404), as another tenant's ids are everywhere; the tenant's last
 * enabled admin stays, with a message that says why.
 */
@Controller
@RequestMapping(SettingsUsersController.PATH + "/{id}")
class SettingsUserActionsController {

  static final String CONFIRM_VIEW = "user/settings-confirm";

  private final UserAdministration administration;

  SettingsUserActionsController(UserAdministration administration) {
    this.administration = administration;
  }

  /**
   * Another role; the user is looked up first, so another tenant's id is 404 with or without one.
   */
  @PostMapping("/role")
  String changeRole(
      @PathVariable long id,
      @RequestParam(required = false) Role role,
      @AuthenticationPrincipal PortalUserDetails me,
      RedirectAttributes redirect) {
    administration.findManageable(id, me).orElseThrow(NotFoundException::new);
    if (role == null) {
      return "redirect:" + SettingsUsersController.PATH;
    }
    return keepingAnAdmin(
        redirect,
        () -> {
          administration.changeRole(id, role, me).orElseThrow(NotFoundException::new);
          return "user.done.roleChanged";
        });
  }

  /** Asks first: the user's sessions end at once. */
  @GetMapping("/disable")
  String confirmDisable(
      @PathVariable long id, @AuthenticationPrincipal PortalUserDetails me, Model model) {
    return confirm(id, false, me, model);
  }

  @GetMapping("/enable")
  String confirmEnable(
      @PathVariable long id, @AuthenticationPrincipal PortalUserDetails me, Model model) {
    return confirm(id, true, me, model);
  }

  @PostMapping("/disable")
  String disable(
      @PathVariable long id, @AuthenticationPrincipal PortalUserDetails me, RedirectAttributes r) {
    return keepingAnAdmin(
        r,
        () -> {
          administration.setEnabled(id, false, me).orElseThrow(NotFoundException::new);
          return "user.done.disabled";
        });
  }

  @PostMapping("/enable")
  String enable(
      @PathVariable long id, @AuthenticationPrincipal PortalUserDetails me, RedirectAttributes r) {
    administration.setEnabled(id, true, me).orElseThrow(NotFoundException::new);
    r.addFlashAttribute("done", "user.done.enabled");
    return "redirect:" + SettingsUsersController.PATH;
  }

  @PostMapping("/reset-password")
  String resetPassword(
      @PathVariable long id, @AuthenticationPrincipal PortalUserDetails me, RedirectAttributes r) {
    UserRow user = administration.findManageable(id, me).orElseThrow(NotFoundException::new);
    String temporary = administration.resetPassword(id, me).orElseThrow(NotFoundException::new);
    r.addFlashAttribute("issued", new IssuedPassword(user.username(), temporary));
    return "redirect:" + SettingsUsersController.PATH;
  }

  @PostMapping("/reset-second-factor")
  String resetSecondFactor(
      @PathVariable long id, @AuthenticationPrincipal PortalUserDetails me, RedirectAttributes r) {
    administration.resetSecondFactor(id, me).orElseThrow(NotFoundException::new);
    r.addFlashAttribute("done", "user.done.secondFactorReset");
    return "redirect:" + SettingsUsersController.PATH;
  }

  private String confirm(long id, boolean enable, PortalUserDetails me, Model model) {
    model.addAttribute(
        "user", administration.findManageable(id, me).orElseThrow(NotFoundException::new));
    model.addAttribute("enable", enable);
    return CONFIRM_VIEW;
  }

  /** Runs a change that may touch the tenant's last admin; a refusal goes back with the reason. */
  private static String keepingAnAdmin(
      RedirectAttributes redirect, java.util.function.Supplier<String> change) {
    try {
      redirect.addFlashAttribute("done", change.get());
    } catch (LastTenantAdminException last) {
      redirect.addFlashAttribute("refused", "user.error.lastAdmin");
    }
    return "redirect:" + SettingsUsersController.PATH;
  }
}
