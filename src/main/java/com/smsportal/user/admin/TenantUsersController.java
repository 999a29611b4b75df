package com.smsportal.user.admin;

import com.smsportal.tenant.TenantService;
import com.smsportal.tenant.TenantView;
import com.smsportal.user.Role;
import com.smsportal.user.account.PortalUserDetails;
import com.smsportal.web.NotFoundException;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Support manages a tenant's users: each a tenant admin, sender or viewer of that tenant. */
@Controller
class TenantUsersController {

  static final String VIEW = "user/tenant-users";

  private final TenantService tenants;
  private final UserAdministration administration;

  TenantUsersController(TenantService tenants, UserAdministration administration) {
    this.tenants = tenants;
    this.administration = administration;
  }

  @InitBinder("form")
  void allowOnlyFormFields(WebDataBinder binder) {
    binder.setAllowedFields("username", "displayName");
  }

  @GetMapping("/support/tenants/{id}/users")
  String list(@PathVariable long id, Model model) {
    model.addAttribute("form", UserForm.empty());
    return page(tenant(id), model);
  }

  @PostMapping("/support/tenants/{id}/users")
  String create(
      @PathVariable long id,
      @Valid @ModelAttribute("form") UserForm form,
      BindingResult errors,
      @RequestParam(defaultValue = "TENANT_ADMIN") Role role,
      Model model,
      RedirectAttributes redirect) {
    TenantView tenant = tenant(id);
    if (!role.tenantRole()) {
      errors.reject("user.error.role");
    }
    if (errors.hasErrors()) {
      model.addAttribute("role", role);
      return page(tenant, model);
    }
    try {
      UserAdministration.Created created =
          administration.createTenantUser(tenant.id(), tenant.name(), form, role);
      redirect.addFlashAttribute("issued", new IssuedPassword(created));
      return "redirect:/support/tenants/" + id + "/users";
    } catch (UsernameTakenException taken) {
      errors.rejectValue("username", "user.error.taken");
      model.addAttribute("role", role);
      return page(tenant, model);
    }
  }

  /** Support requires a second factor of this tenant's customers, from their next sign-in. */
  @PostMapping("/support/tenants/{id}/second-factor")
  String requireSecondFactor(
      @PathVariable long id, @RequestParam boolean required, RedirectAttributes redirect) {
    TenantView tenant = tenant(id);
    administration.requireSecondFactor(tenant.id(), tenant.name(), required);
    redirect.addFlashAttribute(
        "done", required ? "user.done.secondFactorRequired" : "user.done.secondFactorOptional");
    return "redirect:/support/tenants/" + id + "/users";
  }

  private String page(TenantView tenant, Model model) {
    model.addAttribute("tenant", tenant);
    model.addAttribute("secondFactorRequired", administration.secondFactorRequiredOf(tenant.id()));
    model.addAttribute("users", administration.usersOf(tenant.id()));
    model.addAttribute("roles", Role.TENANT_ROLES);
    if (!model.containsAttribute("role")) {
      model.addAttribute("role", Role.TENANT_ADMIN);
    }
    return VIEW;
  }

  private TenantView tenant(long id) {
    return tenants.find(id).orElseThrow(NotFoundException::new);
  }

  @ModelAttribute("me")
  Long me(@AuthenticationPrincipal PortalUserDetails principal) {
    return principal == null ? null : principal.id();
  }
}
