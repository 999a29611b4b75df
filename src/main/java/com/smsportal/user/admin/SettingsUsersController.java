package com.smsportal.user.admin;

import com.smsportal.user.Role;
import com.smsportal.user.account.PortalUserDetails;
import com.smsportal.user.throttle.LoginRecords;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A tenant admin's own users ({@code /settings/**}: TENANT_ADMIN only): the tenant's users with
 * their roles and last sign-in, a new user with a temporary password shown once (support's flow),
 * and the tenant's second-factor requirement. Always the signed-in admin's own tenant: the tenant
 * comes from the session, never from the request.
 */
@Controller
@RequestMapping(SettingsUsersController.PATH)
class SettingsUsersController {

  static final String PATH = "/settings/users";
  static final String VIEW = "user/settings-users";

  private final UserAdministration administration;
  private final LoginRecords logins;

  SettingsUsersController(UserAdministration administration, LoginRecords logins) {
    this.administration = administration;
    this.logins = logins;
  }

  @InitBinder("form")
  void allowOnlyFormFields(WebDataBinder binder) {
    binder.setAllowedFields("username", "displayName");
  }

  @GetMapping
  String list(@AuthenticationPrincipal PortalUserDetails me, Model model) {
    model.addAttribute("form", UserForm.empty());
    return page(me, Role.SENDER, model);
  }

  @PostMapping
  String create(
      @Valid @ModelAttribute("form") UserForm form,
      BindingResult errors,
      @RequestParam(defaultValue = "SENDER") Role role,
      @AuthenticationPrincipal PortalUserDetails me,
      Model model,
      RedirectAttributes redirect) {
    if (!role.tenantRole()) {
      errors.reject("user.error.role");
    }
    if (errors.hasErrors()) {
      return page(me, role, model);
    }
    try {
      UserAdministration.Created created =
          administration.createTenantUser(me.tenantId(), me.tenantName(), form, role);
      redirect.addFlashAttribute("issued", new IssuedPassword(created));
      return "redirect:" + PATH;
    } catch (UsernameTakenException taken) {
      errors.rejectValue("username", "user.error.taken");
      return page(me, role, model);
    }
  }

  /** The admin requires a second factor of the tenant's users, from their next sign-in. */
  @PostMapping("/second-factor")
  String requireSecondFactor(
      @RequestParam boolean required,
      @AuthenticationPrincipal PortalUserDetails me,
      RedirectAttributes redirect) {
    administration.requireSecondFactor(me.tenantId(), me.tenantName(), required);
    redirect.addFlashAttribute(
        "done", required ? "user.done.secondFactorRequired" : "user.done.secondFactorOptional");
    return "redirect:" + PATH;
  }

  private String page(PortalUserDetails me, Role role, Model model) {
    List<UserRow> users = administration.usersOf(me.tenantId());
    model.addAttribute("users", users);
    model.addAttribute(
        "lastSignIns", logins.lastSignIns(users.stream().map(UserRow::username).toList()));
    model.addAttribute(
        "secondFactorRequired", administration.secondFactorRequiredOf(me.tenantId()));
    model.addAttribute("roles", Role.TENANT_ROLES);
    model.addAttribute("role", role);
    model.addAttribute("me", me.id());
    return VIEW;
  }
}
