package com.smsportal.gatewayaccount.account;

import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayAccountView;
import com.smsportal.gatewayaccount.RotationInProgressException;
import com.smsportal.gatewayaccount.endpoint.EndpointDirectory;
import com.smsportal.gatewayaccount.endpoint.EndpointUnavailableException;
import com.smsportal.gatewayaccount.endpoint.EndpointView;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import com.smsportal.web.NotFoundException;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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

  private final AccountQueries accounts;
  private final AccountChanges changes;
  private final EndpointDirectory endpoints;
  private final TenantService tenants;
  private final GatewayPasswordCheck passwordCheck;
  private final NewAccountDefaults defaults;

  GatewayAccountController(
      AccountQueries accounts,
      AccountChanges changes,
      EndpointDirectory endpoints,
      TenantService tenants,
      GatewayPasswordCheck passwordCheck,
      NewAccountDefaults defaults) {
    this.accounts = accounts;
    this.changes = changes;
    this.endpoints = endpoints;
    this.tenants = tenants;
    this.passwordCheck = passwordCheck;
    this.defaults = defaults;
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
    model.addAttribute(FORM_MODEL, AccountForm.blank(defaults.endpoint(endpoints.active())));
    // A new account's form names the logins a stand-in gateway accepts (the demo's simulator).
    // Only here: a refused form says nothing but why, so a refusal names no other tenant's login.
    model.addAttribute("suggestedLogins", defaults.logins(endpoints.active()));
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
    checkEndpoint(form, errors);
    boolean tenantMissing = isStaff() && (tenantId == null || tenants.find(tenantId).isEmpty());
    if (errors.hasErrors() || tenantMissing) {
      model.addAttribute("tenantError", tenantMissing);
      return showForm(null, tenantId, model);
    }
    // The same answer to a wrong password whoever has registered this gateway account: before the
    // gateway accepts the password, nothing is told of other registrations.
    GatewayPasswordCheck.Outcome checked = passwordCheck.check(form.settings(), form.password());
    if (checked == GatewayPasswordCheck.Outcome.REFUSED) {
      errors.rejectValue("password", "accounts.error.passwordRefused");
      return showForm(null, tenantId, model);
    }
    long id;
    try {
      id =
          changes.create(
              form.settings(),
              form.password(),
              isStaff() ? tenantId : null,
              checked == GatewayPasswordCheck.Outcome.ACCEPTED);
    } catch (RuntimeException refused) {
      refusal(refused, errors);
      return showForm(null, tenantId, model);
    }
    redirect.addFlashAttribute("created", form.name().strip());
    return "redirect:/accounts/" + id;
  }

  @GetMapping("/{id}")
  String show(@PathVariable long id, Model model) {
    GatewayAccountView account = found(id);
    model.addAttribute(FORM_MODEL, AccountForm.of(account));
    return showForm(account, null, model);
  }

  @ModelAttribute("passwordNeeded")
  boolean passwordNeeded(@PathVariable(name = "id", required = false) Long id) {
    return id != null && accounts.needsPassword(id);
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
    boolean newIdentity = newIdentity(account, form);
    if (newIdentity) {
      checkEndpoint(form, errors);
    }
    if ((form.hasNewPassword() || newIdentity) && account.waitsForRotation()) {
      errors.rejectValue("password", "accounts.rotation.error.editBusy");
    } else if (newIdentity && !form.hasNewPassword() && !errors.hasFieldErrors("password")) {
      // The stored password was given for the old gateway account: it does not follow the row.
      errors.rejectValue("password", "accounts.error.passwordAgain");
    }
    if (errors.hasErrors()) {
      return showForm(account, null, model);
    }
    // A new password (a new gateway account comes with one) goes to the gateway first.
    GatewayPasswordCheck.Outcome checked =
        form.hasNewPassword()
            ? passwordCheck.check(form.settings(), form.password())
            : GatewayPasswordCheck.Outcome.NOT_ANSWERED;
    if (checked == GatewayPasswordCheck.Outcome.REFUSED) {
      errors.rejectValue("password", "accounts.error.passwordRefused");
      return showForm(account, null, model);
    }
    try {
      changes
          .update(
              id,
              form.settings(),
              form.password(),
              checked == GatewayPasswordCheck.Outcome.ACCEPTED)
          .orElseThrow(NotFoundException::new);
    } catch (NotFoundException notFound) {
      throw notFound;
    } catch (RuntimeException refused) {
      refusal(refused, errors);
      return showForm(account, null, model);
    }
    redirect.addFlashAttribute("saved", form.name().strip());
    return "redirect:/accounts/" + id;
  }

  /** Whether the form points the account at another gateway account (endpoint, userid, account). */
  private static boolean newIdentity(GatewayAccountView account, AccountForm form) {
    return !Objects.equals(account.endpointId(), form.endpointId())
        || form.userid() == null
        || !account.userid().equals(form.userid().strip())
        || form.account() == null
        || !account.account().equals(form.account().strip());
  }

  private void checkEndpoint(AccountForm form, BindingResult errors) {
    Optional<EndpointView> endpoint =
        errors.hasFieldErrors("endpointId")
            ? Optional.empty()
            : endpoints.findActive(form.endpointId());
    if (!errors.hasFieldErrors("endpointId") && endpoint.isEmpty()) {
      errors.rejectValue("endpointId", "accounts.error.endpoint");
    }
    // At least 100 numbers a chunk, unless the endpoint's own maximum is lower.
    if (endpoint.isPresent() && form.chunkSize() != null && !errors.hasFieldErrors("chunkSize")) {
      int min = endpoint.get().minChunkSize();
      int max = endpoint.get().maxChunkSizeOrDefault();
      if (form.chunkSize() < min || form.chunkSize() > max) {
        errors.rejectValue(
            "chunkSize",
            "accounts.error.chunkSizeRange",
            new Object[] {String.valueOf(min), String.valueOf(max)},
            null);
      }
    }
  }

  /** What the service refused, next to the field it concerns; anything else goes on up. */
  private static void refusal(RuntimeException refused, BindingResult errors) {
    if (refused instanceof IdentityTakenException) {
      errors.rejectValue("account", "accounts.error.identityTaken");
    } else if (refused instanceof EndpointUnavailableException) {
      errors.rejectValue("endpointId", "accounts.error.endpoint");
    } else if (refused instanceof PasswordRequiredException) {
      errors.rejectValue("password", "accounts.error.passwordAgain");
    } else if (refused instanceof RotationInProgressException) {
      errors.rejectValue("password", "accounts.rotation.error.editBusy");
    } else {
      throw refused;
    }
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
    return tenants.names();
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
    return accounts.find(id).orElseThrow(NotFoundException::new);
  }

  @ModelAttribute("charsets")
  List<GatewayCharset> charsets() {
    return List.of(GatewayCharset.values());
  }

  /** The endpoints an account may choose: the active ones. */
  @ModelAttribute("endpoints")
  List<EndpointView> endpoints() {
    return endpoints.active();
  }
}
