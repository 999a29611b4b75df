package com.smsportal.gatewayaccount.endpoint;

import com.smsportal.gateway.GatewayCharset;
import com.smsportal.web.NotFoundException;
import jakarta.validation.Valid;
import java.util.List;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/endpoints} (ADMIN only, see SecurityConfig): the gateway endpoints the portal may
 * call, the accounts on each, and the gateway accounts registered more than once.
 */
@Controller
@RequestMapping("/admin/endpoints")
class EndpointController {

  static final String LIST = "endpoint/list";
  static final String FORM = "endpoint/form";
  static final String FORM_MODEL = "form";

  private final EndpointAdministration endpoints;
  private final EndpointDirectory directory;

  EndpointController(EndpointAdministration endpoints, EndpointDirectory directory) {
    this.endpoints = endpoints;
    this.directory = directory;
  }

  @InitBinder(FORM_MODEL)
  void disallowIdentity(WebDataBinder binder) {
    binder.setDisallowedFields("id", "active");
  }

  @GetMapping
  String list(Model model) {
    model.addAttribute("endpoints", endpoints.all());
    model.addAttribute("shared", endpoints.sharedIdentities());
    return LIST;
  }

  @GetMapping("/new")
  String newForm(Model model) {
    model.addAttribute(FORM_MODEL, EndpointForm.blank());
    return showForm(null, model);
  }

  @PostMapping
  String create(
      @Valid @ModelAttribute(FORM_MODEL) EndpointForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    if (errors.hasErrors()) {
      return showForm(null, model);
    }
    long id;
    try {
      id = endpoints.create(form.settings());
    } catch (EndpointTakenException taken) {
      errors.rejectValue(taken.field(), "endpoints.error.taken." + taken.field());
      return showForm(null, model);
    }
    redirect.addFlashAttribute("created", form.name().strip());
    return "redirect:/admin/endpoints/" + id;
  }

  @GetMapping("/{id}")
  String show(@PathVariable long id, Model model) {
    EndpointView endpoint = found(id);
    model.addAttribute(FORM_MODEL, EndpointForm.of(endpoint));
    return showForm(endpoint, model);
  }

  @PostMapping("/{id}")
  String update(
      @PathVariable long id,
      @Valid @ModelAttribute(FORM_MODEL) EndpointForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    EndpointView endpoint = found(id);
    if (errors.hasErrors()) {
      return showForm(endpoint, model);
    }
    try {
      endpoints.update(id, form.settings()).orElseThrow(NotFoundException::new);
    } catch (EndpointTakenException taken) {
      errors.rejectValue(taken.field(), "endpoints.error.taken." + taken.field());
      return showForm(endpoint, model);
    }
    redirect.addFlashAttribute("saved", form.name().strip());
    return "redirect:/admin/endpoints/" + id;
  }

  /** Retires the endpoint, or shows the accounts that still use it and changes nothing. */
  @PostMapping("/{id}/retire")
  String retire(@PathVariable long id, Model model, RedirectAttributes redirect) {
    List<EndpointUsers.AccountUse> using = endpoints.retire(id).orElseThrow(NotFoundException::new);
    if (!using.isEmpty()) {
      EndpointView endpoint = found(id);
      model.addAttribute(FORM_MODEL, EndpointForm.of(endpoint));
      model.addAttribute("retireRefused", true);
      return showForm(endpoint, model);
    }
    redirect.addFlashAttribute("retired", true);
    return "redirect:/admin/endpoints/" + id;
  }

  @PostMapping("/{id}/reactivate")
  String reactivate(@PathVariable long id, RedirectAttributes redirect) {
    if (!endpoints.reactivate(id)) {
      throw new NotFoundException();
    }
    redirect.addFlashAttribute("reactivated", true);
    return "redirect:/admin/endpoints/" + id;
  }

  private String showForm(EndpointView endpoint, Model model) {
    model.addAttribute("endpoint", endpoint);
    model.addAttribute(
        "accountsUsing", endpoint == null ? List.of() : endpoints.accountsUsing(endpoint.id()));
    return FORM;
  }

  @ModelAttribute("charsets")
  List<GatewayCharset> charsets() {
    return List.of(GatewayCharset.values());
  }

  private EndpointView found(long id) {
    return directory.find(id).orElseThrow(NotFoundException::new);
  }
}
