package com.smsportal.tenant;

import com.smsportal.gateway.GatewayCharset;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A tenant's gateway accounts: list, create, show and edit. Customers work in their own tenant;
 * staff see every tenant's accounts and choose the tenant of a new one.
 */
@Controller
@RequestMapping("/accounts")
class GatewayAccountController {

  static final String LIST = "account/list";
  static final String FORM = "account/form";
  static final String FORM_MODEL = "form";

  private final GatewayAccounts accounts;
  private final TenantRepository tenants;
  private final String defaultBaseUrl;

  GatewayAccountController(
      GatewayAccounts accounts,
      TenantRepository tenants,
      @Value("${smsportal.accounts.default-base-url}") String defaultBaseUrl) {
    this.accounts = accounts;
    this.tenants = tenants;
    this.defaultBaseUrl = defaultBaseUrl;
  }

  @InitBinder(FORM_MODEL)
  void disallowIdentity(WebDataBinder binder) {
    binder.setDisallowedFields("id", "tenantId", "tenant*");
  }

  @GetMapping
  String list(Model model) {
    model.addAttribute("accounts", accounts.list());
    return LIST;
  }

  @GetMapping("/new")
  String newForm(Model model) {
    model.addAttribute(FORM_MODEL, AccountForm.blank(defaultBaseUrl));
    return showForm(null, null, model);
  }

  @PostMapping
  String create(
      @Valid @ModelAttribute(FORM_MODEL) AccountForm form,
      BindingResult errors,
      @RequestParam(name = "tenantId", required = false) Long tenantId,
      Model model,
      RedirectAttributes redirect) {
    if (!form.hasNewPassword()) {
      errors.rejectValue("password", "accounts.error.required");
    }
    checkConfirmation(form, errors);
    boolean tenantMissing = isStaff() && (tenantId == null || !tenants.existsById(tenantId));
    if (errors.hasErrors() || tenantMissing) {
      model.addAttribute("tenantError", tenantMissing);
      return showForm(null, tenantId, model);
    }
    long id = accounts.create(form, isStaff() ? tenantId : null);
    redirect.addFlashAttribute("created", form.name().strip());
    return "redirect:/accounts/" + id;
  }

  @GetMapping("/{id}")
  String show(@PathVariable long id, Model model) {
    GatewayAccountView account = found(id);
    model.addAttribute(FORM_MODEL, AccountForm.of(account));
    return showForm(account, null, model);
  }

  @PostMapping("/{id}")
  String update(
      @PathVariable long id,
      @Valid @ModelAttribute(FORM_MODEL) AccountForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    GatewayAccountView account = found(id);
    checkConfirmation(form, errors);
    if (form.hasNewPassword() && account.waitsForRotation()) {
      errors.rejectValue("password", "accounts.rotation.error.editBusy");
    }
    if (errors.hasErrors()) {
      return showForm(account, null, model);
    }
    accounts.update(id, form).orElseThrow(GatewayAccountController::notFound);
    redirect.addFlashAttribute("saved", form.name().strip());
    return "redirect:/accounts/" + id;
  }

  @ModelAttribute("staff")
  boolean isStaff() {
    return TenantContext.current() == TenantContext.ALL_TENANTS;
  }

  /** Tenant names by id, for the staff's tenant column and tenant choice. */
  @ModelAttribute("tenantNames")
  Map<Long, String> tenantNames() {
    if (!isStaff()) {
      return Map.of();
    }
    return tenants.findAll(Sort.by("name")).stream()
        .collect(
            Collectors.toMap(
                Tenant::getId, Tenant::getName, (a, b) -> a, java.util.LinkedHashMap::new));
  }

  private String showForm(GatewayAccountView account, Long tenantId, Model model) {
    model.addAttribute("account", account);
    model.addAttribute("chosenTenant", tenantId);
    return FORM;
  }

  private static void checkConfirmation(AccountForm form, BindingResult errors) {
    if (form.hasNewPassword()
        && !Objects.equals(form.password(), form.passwordConfirmation())
        && !errors.hasFieldErrors("password")) {
      errors.rejectValue("passwordConfirmation", "accounts.error.passwordMismatch");
    }
  }

  private GatewayAccountView found(long id) {
    return accounts.find(id).orElseThrow(GatewayAccountController::notFound);
  }

  private static ResponseStatusException notFound() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND);
  }

  @ModelAttribute("charsets")
  List<GatewayCharset> charsets() {
    return List.of(GatewayCharset.values());
  }
}
