package com.smsportal.tenant.admin;

import com.smsportal.tenant.TenantService;
import com.smsportal.web.NotFoundException;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Suspend and reactivate, always with a reason; confirmed in the page before it is sent. */
@Controller
class TenantStatusController {

  private final TenantService tenants;

  TenantStatusController(TenantService tenants) {
    this.tenants = tenants;
  }

  @PostMapping("/support/tenants/{id}/suspend")
  String suspend(
      @PathVariable long id,
      @Valid @ModelAttribute("statusForm") TenantStatusForm form,
      BindingResult errors,
      RedirectAttributes redirect) {
    return change(id, form, errors, redirect, true);
  }

  @PostMapping("/support/tenants/{id}/reactivate")
  String reactivate(
      @PathVariable long id,
      @Valid @ModelAttribute("statusForm") TenantStatusForm form,
      BindingResult errors,
      RedirectAttributes redirect) {
    return change(id, form, errors, redirect, false);
  }

  private String change(
      long id,
      TenantStatusForm form,
      BindingResult errors,
      RedirectAttributes redirect,
      boolean suspend) {
    tenants.find(id).orElseThrow(NotFoundException::new);
    if (errors.hasErrors()) {
      // Back to the tenant's page, with the message next to the reason field.
      redirect.addFlashAttribute("org.springframework.validation.BindingResult.statusForm", errors);
      redirect.addFlashAttribute("statusForm", form);
      return "redirect:/support/tenants/" + id;
    }
    if (suspend) {
      tenants.suspend(id, form.reason());
    } else {
      tenants.reactivate(id, form.reason());
    }
    redirect.addFlashAttribute(
        "saved", suspend ? "tenant.saved.suspended" : "tenant.saved.reactivated");
    return "redirect:/support/tenants/" + id;
  }
}
