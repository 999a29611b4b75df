package com.smsportal.tenant.admin;

import com.smsportal.tenant.TenantService;
import com.smsportal.tenant.TenantView;
import com.smsportal.web.NotFoundException;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Support sets a tenant's flood limits per number (issue 26) on the tenant's page; audited as a
 * change of the tenant. Bad input is shown next to its field on the page, and nothing changes.
 */
@Controller
class NumberLimitsController {

  static final String FORM = "limitsForm";

  private final TenantService tenants;

  NumberLimitsController(TenantService tenants) {
    this.tenants = tenants;
  }

  @InitBinder(FORM)
  void allowOnlyFormFields(WebDataBinder binder) {
    binder.setAllowedFields("perMinute", "perHour", "perDay");
  }

  @PostMapping("/support/tenants/{id}/number-limits")
  String change(
      @PathVariable long id,
      @Valid @ModelAttribute(FORM) NumberLimitsForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    TenantView tenant = tenants.find(id).orElseThrow(NotFoundException::new);
    if (!errors.hasErrors() && form.outOfOrder() != null) {
      errors.rejectValue(form.outOfOrder(), "tenant.numberLimits.error.order");
    }
    if (errors.hasErrors()) {
      // The tenant's page again, with the messages next to the fields (a binding error does not
      // survive a redirect through the session in the database).
      model.addAttribute("tenant", tenant);
      model.addAttribute("statusForm", new TenantStatusForm(""));
      model.addAttribute("ownNumberLimits", tenants.numberLimits(id).orElseThrow());
      return TenantController.DETAIL;
    }
    tenants.changeNumberLimits(id, form.limits());
    redirect.addFlashAttribute("saved", "tenant.numberLimits.saved");
    return "redirect:/support/tenants/" + id;
  }
}
