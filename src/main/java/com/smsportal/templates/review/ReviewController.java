package com.smsportal.templates.review;

import com.smsportal.templates.ReviewState;
import com.smsportal.templates.signature.SignatureApplications;
import com.smsportal.templates.template.TemplateBook;
import com.smsportal.tenant.TenantService;
import com.smsportal.tenant.TenantView;
import com.smsportal.web.NotFoundException;
import java.util.function.BiPredicate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Support reviews a tenant's signatures and templates: approve, or reject with a reason (required:
 * the customer reads it); and switches whether its templates need review. Every decision audited.
 */
@Controller
class ReviewController {

  static final String PAGE = "templates/review";
  static final int TEMPLATES_SHOWN = 200;

  private final TenantService tenants;
  private final SignatureApplications signatures;
  private final TemplateBook templates;

  ReviewController(
      TenantService tenants, SignatureApplications signatures, TemplateBook templates) {
    this.tenants = tenants;
    this.signatures = signatures;
    this.templates = templates;
  }

  @GetMapping("/support/tenants/{id}/reviews")
  String page(@PathVariable long id, Model model) {
    return page(tenant(id), null, null, model);
  }

  @PostMapping("/support/tenants/{id}/signatures/{signatureId}")
  String reviewSignature(
      @PathVariable long id,
      @PathVariable long signatureId,
      @RequestParam(defaultValue = "") String decision,
      @RequestParam(defaultValue = "") String reason,
      Model model,
      RedirectAttributes redirect) {
    return decide(
        id,
        "s" + signatureId,
        decision,
        reason,
        model,
        redirect,
        (state, why) -> signatures.review(id, signatureId, state, why));
  }

  @PostMapping("/support/tenants/{id}/templates/{templateId}")
  String reviewTemplate(
      @PathVariable long id,
      @PathVariable long templateId,
      @RequestParam(defaultValue = "") String decision,
      @RequestParam(defaultValue = "") String reason,
      Model model,
      RedirectAttributes redirect) {
    return decide(
        id,
        "t" + templateId,
        decision,
        reason,
        model,
        redirect,
        (state, why) -> templates.review(id, templateId, state, why));
  }

  @PostMapping("/support/tenants/{id}/template-review")
  String switchReview(
      @PathVariable long id,
      @RequestParam(defaultValue = "false") boolean required,
      RedirectAttributes redirect) {
    tenant(id);
    templates.setReviewRequired(id, required);
    redirect.addFlashAttribute("reviewed", required ? "review.switched.on" : "review.switched.off");
    return "redirect:/support/tenants/" + id + "/reviews";
  }

  /** Support's decision on one signature or template ({@code form}: which form it came from). */
  private String decide(
      long id,
      String form,
      String decision,
      String reason,
      Model model,
      RedirectAttributes redirect,
      BiPredicate<ReviewState, String> review) {
    TenantView tenant = tenant(id);
    ReviewState state = decision(decision);
    if (state == ReviewState.REJECTED && reason.isBlank()) {
      return page(tenant, form, reason, model);
    }
    if (!review.test(state, reason)) {
      throw new NotFoundException();
    }
    redirect.addFlashAttribute("reviewed", "review.done." + state.name());
    return "redirect:/support/tenants/" + id + "/reviews";
  }

  private static ReviewState decision(String decision) {
    return "approve".equals(decision) ? ReviewState.APPROVED : ReviewState.REJECTED;
  }

  private TenantView tenant(long id) {
    return tenants.find(id).orElseThrow(NotFoundException::new);
  }

  /**
   * @param reasonMissing the row ({@code s<id>} or {@code t<id>}) whose rejection lacked a reason
   */
  private String page(TenantView tenant, String reasonMissing, String reason, Model model) {
    model.addAttribute("tenant", tenant);
    model.addAttribute("signatures", signatures.listOf(tenant.id()));
    model.addAttribute("templates", templates.listOf(tenant.id(), TEMPLATES_SHOWN));
    model.addAttribute("reviewRequired", templates.reviewRequired(tenant.id()));
    model.addAttribute("reasonMissing", reasonMissing);
    model.addAttribute("reason", reason);
    return PAGE;
  }
}
