package com.smsportal.api.key;

import com.smsportal.tenant.TenantContext;
import com.smsportal.web.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /settings/api-keys}: a tenant admin's API keys. A new key is shown once, on the answer to
 * its creation itself (not after a redirect: a flash attribute would keep it in the stored
 * session), marked not to be cached; revoking asks for a confirmation first. Staff have no keys of
 * their own: outside a tenant the page is not found.
 */
@Controller
class ApiKeyController {

  static final String LIST = "settings/api-keys";
  static final String REVOKE = "settings/api-key-revoke";

  private final ApiKeys keys;
  private final Clock clock;

  ApiKeyController(ApiKeys keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  @GetMapping("/settings/api-keys")
  String list(Model model) {
    return page(ApiKeyForm.empty(), Map.of(), model);
  }

  @PostMapping("/settings/api-keys")
  String create(
      @ModelAttribute("form") ApiKeyForm form, Model model, HttpServletResponse response) {
    tenantOnly();
    Map<String, String> errors = form.errors(clock.instant());
    if (!errors.isEmpty()) {
      return page(form, errors, model);
    }
    String key = keys.create(form.name(), form.chosenScopes(), form.expiry());
    response.setHeader("Cache-Control", "no-store");
    model.addAttribute("createdKey", key);
    model.addAttribute("createdName", form.name().strip());
    return page(ApiKeyForm.empty(), Map.of(), model);
  }

  @GetMapping("/settings/api-keys/{id}/revoke")
  String confirmRevoke(@PathVariable long id, Model model) {
    tenantOnly();
    model.addAttribute("key", keys.find(id).orElseThrow(NotFoundException::new));
    return REVOKE;
  }

  @PostMapping("/settings/api-keys/{id}/revoke")
  String revoke(@PathVariable long id, RedirectAttributes redirect) {
    tenantOnly();
    ApiKeyRow key = keys.find(id).orElseThrow(NotFoundException::new);
    keys.revoke(id);
    redirect.addFlashAttribute("revoked", key.name());
    return "redirect:/settings/api-keys";
  }

  private String page(ApiKeyForm form, Map<String, String> errors, Model model) {
    tenantOnly();
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("keys", keys.list());
    return LIST;
  }

  private static void tenantOnly() {
    long tenant = TenantContext.current();
    if (tenant == TenantContext.ALL_TENANTS || tenant == TenantContext.NO_TENANT) {
      throw new NotFoundException();
    }
  }
}
