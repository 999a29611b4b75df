package com.smsportal.tenant.admin;

import com.smsportal.tenant.TenantNameTakenException;
import com.smsportal.tenant.TenantService;
import com.smsportal.tenant.TenantView;
import com.smsportal.web.NotFoundException;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Support creates and edits tenants. Bad input is explained next to its field; nothing changes. */
@Controller
class TenantFormController {

  static final String FORM = "tenant/form";

  private final TenantService tenants;

  TenantFormController(TenantService tenants) {
    this.tenants = tenants;
  }

  @InitBinder("form")
  void allowOnlyFormFields(WebDataBinder binder) {
    binder.setAllowedFields(
        "name",
        "contact",
        "notes",
        "lowBalanceThreshold",
        "maxNumbersPerJob",
        "maxNumbersPerDay",
        "maxQueuedNumbers");
  }

  @GetMapping("/support/tenants/new")
  String newTenant(Model model) {
    model.addAttribute("form", TenantForm.empty());
    return FORM;
  }

  @PostMapping("/support/tenants")
  String create(
      @Valid @ModelAttribute("form") TenantForm form,
      BindingResult errors,
      RedirectAttributes redirect) {
    if (errors.hasErrors()) {
      return FORM;
    }
    try {
      TenantView created = tenants.create(form.details());
      redirect.addFlashAttribute("saved", "tenant.saved.created");
      return "redirect:/support/tenants/" + created.id();
    } catch (TenantNameTakenException taken) {
      errors.rejectValue("name", "tenant.error.nameTaken");
      return FORM;
    }
  }

  @GetMapping("/support/tenants/{id}/edit")
  String edit(@PathVariable long id, Model model) {
    TenantView tenant = tenants.find(id).orElseThrow(NotFoundException::new);
    model.addAttribute("tenant", tenant);
    model.addAttribute("form", TenantForm.of(tenant));
    return FORM;
  }

  @PostMapping("/support/tenants/{id}")
  String update(
      @PathVariable long id,
      @Valid @ModelAttribute("form") TenantForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    TenantView tenant = tenants.find(id).orElseThrow(NotFoundException::new);
    model.addAttribute("tenant", tenant);
    if (errors.hasErrors()) {
      return FORM;
    }
    try {
      tenants.update(id, form.details());
      redirect.addFlashAttribute("saved", "tenant.saved.updated");
      return "redirect:/support/tenants/" + id;
    } catch (TenantNameTakenException taken) {
      errors.rejectValue("name", "tenant.error.nameTaken");
      return FORM;
    }
  }
}
