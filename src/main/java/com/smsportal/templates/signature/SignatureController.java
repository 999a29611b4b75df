package com.smsportal.templates.signature;

import com.smsportal.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The tenant's signature applications: apply, see support's decision, withdraw after a confirm. */
@Controller
class SignatureController {

  static final String LIST = "signatures/list";
  static final String WITHDRAW = "signatures/withdraw";

  private final SignatureApplications applications;

  SignatureController(SignatureApplications applications) {
    this.applications = applications;
  }

  @GetMapping("/signatures")
  String list(Model model) {
    return page("", null, model);
  }

  @PostMapping("/signatures")
  String apply(
      @RequestParam(defaultValue = "") String text, Model model, RedirectAttributes redirect) {
    SignatureApplications.Applied applied = applications.apply(text);
    if (applied.errorKey() != null) {
      return page(text, applied.errorKey(), model);
    }
    redirect.addFlashAttribute("applied", applied.signature().text());
    return "redirect:/signatures";
  }

  @GetMapping("/signatures/{id}/withdraw")
  String confirmWithdraw(@PathVariable long id, Model model) {
    SignatureView signature = applications.find(id).orElseThrow(NotFoundException::new);
    model.addAttribute("signature", signature);
    return WITHDRAW;
  }

  @PostMapping("/signatures/{id}/withdraw")
  String withdraw(@PathVariable long id, RedirectAttributes redirect) {
    SignatureView signature = applications.find(id).orElseThrow(NotFoundException::new);
    if (!signature.withdrawable()) {
      redirect.addFlashAttribute("notWithdrawn", signature.text());
      return "redirect:/signatures";
    }
    if (!applications.withdraw(id)) {
      throw new NotFoundException();
    }
    redirect.addFlashAttribute("withdrawn", signature.text());
    return "redirect:/signatures";
  }

  private String page(String text, String error, Model model) {
    model.addAttribute("signatures", applications.list());
    model.addAttribute("text", text);
    model.addAttribute("error", error);
    return LIST;
  }
}
