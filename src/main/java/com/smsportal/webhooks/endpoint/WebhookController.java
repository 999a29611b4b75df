package com.smsportal.webhooks.endpoint;

import com.smsportal.web.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A tenant admin's webhook endpoints: list, new, edit, delete and roll the secret after a
 * confirmation, send a test event. A secret is shown once, in the answer to the POST that made it
 * (never kept in the session, never shown again; the answer is not cached).
 */
@Controller
class WebhookController {

  static final String LIST = "webhooks/list";
  static final String FORM = "webhooks/form";
  static final String SECRET = "webhooks/secret";
  static final String CONFIRM = "webhooks/confirm";

  private final WebhookEndpoints endpoints;

  WebhookController(WebhookEndpoints endpoints) {
    this.endpoints = endpoints;
  }

  @GetMapping("/settings/webhooks")
  String list(Model model) {
    model.addAttribute("endpoints", endpoints.list());
    model.addAttribute("enabled", endpoints.enabled());
    return LIST;
  }

  @GetMapping("/settings/webhooks/new")
  String create(Model model) {
    return form(EndpointForm.empty(), null, Map.of(), model);
  }

  @PostMapping("/settings/webhooks")
  String create(@ModelAttribute EndpointForm form, Model model, HttpServletResponse response) {
    WebhookEndpoints.Saved saved = endpoints.save(null, form).orElseThrow(NotFoundException::new);
    if (!saved.ok()) {
      return form(form, null, saved.faults(), model);
    }
    return secret(saved.endpoint(), saved.secret(), "webhooks.secret.created", model, response);
  }

  @GetMapping("/settings/webhooks/{id}")
  String show(@PathVariable long id, Model model) {
    EndpointView endpoint = endpoints.find(id).orElseThrow(NotFoundException::new);
    EndpointForm form = new EndpointForm(endpoint.url(), endpoint.events(), endpoint.active());
    return form(form, endpoint, Map.of(), model);
  }

  @PostMapping("/settings/webhooks/{id}")
  String change(
      @PathVariable long id,
      @ModelAttribute EndpointForm form,
      Model model,
      RedirectAttributes redirect) {
    EndpointView endpoint = endpoints.find(id).orElseThrow(NotFoundException::new);
    WebhookEndpoints.Saved saved = endpoints.save(id, form).orElseThrow(NotFoundException::new);
    if (!saved.ok()) {
      return form(form, endpoint, saved.faults(), model);
    }
    redirect.addFlashAttribute("saved", "webhooks.saved");
    return "redirect:/settings/webhooks/" + id;
  }

  /** The confirmation step of a delete. */
  @GetMapping("/settings/webhooks/{id}/delete")
  String confirmDelete(@PathVariable long id, Model model) {
    return confirm(id, false, model);
  }

  /** The confirmation step of a new secret (the old one stops working at once). */
  @GetMapping("/settings/webhooks/{id}/roll-secret")
  String confirmRoll(@PathVariable long id, Model model) {
    return confirm(id, true, model);
  }

  @PostMapping("/settings/webhooks/{id}/delete")
  String delete(@PathVariable long id, RedirectAttributes redirect) {
    EndpointView endpoint = endpoints.find(id).orElseThrow(NotFoundException::new);
    if (!endpoints.delete(id)) {
      throw new NotFoundException();
    }
    redirect.addFlashAttribute("deleted", endpoint.url());
    return "redirect:/settings/webhooks";
  }

  @PostMapping("/settings/webhooks/{id}/roll-secret")
  String roll(@PathVariable long id, Model model, HttpServletResponse response) {
    String secret = endpoints.rollSecret(id).orElseThrow(NotFoundException::new);
    EndpointView endpoint = endpoints.find(id).orElseThrow(NotFoundException::new);
    return secret(endpoint, secret, "webhooks.secret.rolled", model, response);
  }

  @PostMapping("/settings/webhooks/{id}/test")
  String test(@PathVariable long id, RedirectAttributes redirect) {
    if (!endpoints.sendTest(id)) {
      throw new NotFoundException();
    }
    redirect.addFlashAttribute("saved", "webhooks.test.queued");
    return "redirect:/settings/webhooks/" + id + "/deliveries";
  }

  private String secret(
      EndpointView endpoint,
      String secret,
      String message,
      Model model,
      HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
    model.addAttribute("endpoint", endpoint);
    model.addAttribute("secret", secret);
    model.addAttribute("message", message);
    return SECRET;
  }

  private String confirm(long id, boolean roll, Model model) {
    model.addAttribute("endpoint", endpoints.find(id).orElseThrow(NotFoundException::new));
    model.addAttribute("roll", roll);
    return CONFIRM;
  }

  private String form(
      EndpointForm form, EndpointView endpoint, Map<String, String> faults, Model model) {
    model.addAttribute("form", form);
    model.addAttribute("endpoint", endpoint);
    model.addAttribute("faults", faults);
    model.addAttribute("events", EndpointForm.subscribable());
    model.addAttribute("enabled", endpoints.enabled());
    return FORM;
  }
}
