package com.smsportal.user.admin;

import com.smsportal.user.Role;
import com.smsportal.user.account.PortalUserDetails;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The operator's own staff: support creates support users, only an admin creates admins. */
@Controller
class StaffController {

  static final String VIEW = "user/staff";

  private final UserAdministration administration;

  StaffController(UserAdministration administration) {
    this.administration = administration;
  }

  @InitBinder("form")
  void allowOnlyFormFields(WebDataBinder binder) {
    binder.setAllowedFields("username", "displayName");
  }

  @GetMapping("/support/staff")
  String list(@AuthenticationPrincipal PortalUserDetails me, Model model) {
    model.addAttribute("form", UserForm.empty());
    return page(me, Role.SUPPORT, model);
  }

  @PostMapping("/support/staff")
  String create(
      @Valid @ModelAttribute("form") UserForm form,
      BindingResult errors,
      @RequestParam(defaultValue = "SUPPORT") Role role,
      @AuthenticationPrincipal PortalUserDetails me,
      Model model,
      RedirectAttributes redirect) {
    if (!assignable(me).contains(role)) {
      errors.reject("user.error.role");
    }
    if (errors.hasErrors()) {
      return page(me, role, model);
    }
    try {
      UserAdministration.Created created = administration.createStaff(form, role, me);
      redirect.addFlashAttribute("issued", new IssuedPassword(created));
      return "redirect:/support/staff";
    } catch (UsernameTakenException taken) {
      errors.rejectValue("username", "user.error.taken");
      return page(me, role, model);
    }
  }

  private String page(PortalUserDetails me, Role role, Model model) {
    model.addAttribute("users", administration.staff());
    model.addAttribute("roles", assignable(me));
    model.addAttribute("role", role);
    model.addAttribute("me", me.id());
    return VIEW;
  }

  private static List<Role> assignable(PortalUserDetails me) {
    return me.role() == Role.ADMIN ? List.of(Role.SUPPORT, Role.ADMIN) : List.of(Role.SUPPORT);
  }
}
