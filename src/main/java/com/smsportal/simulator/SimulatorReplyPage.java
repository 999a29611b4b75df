package com.smsportal.simulator;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The demo's "phone": a page where a person makes a number reply to a send. */
@Controller
@ConditionalOnBooleanProperty("smsportal.simulator.enabled")
class SimulatorReplyPage {

  static final String VIEW = "simulator/replies";

  private final SimulatedGateway gateway;

  SimulatorReplyPage(SimulatedGateway gateway) {
    this.gateway = gateway;
  }

  @GetMapping("/simulator/replies")
  String page(Model model) {
    model.addAttribute("accounts", gateway.accounts());
    return VIEW;
  }

  @PostMapping("/simulator/replies")
  String reply(
      @RequestParam String account,
      @RequestParam String mobile,
      @RequestParam String content,
      @RequestParam(required = false) String taskId,
      RedirectAttributes redirect) {
    try {
      gateway.reply(account, mobile, content, taskId);
      redirect.addFlashAttribute("queued", mobile.strip());
    } catch (IllegalArgumentException e) {
      redirect.addFlashAttribute("refused", true);
    }
    return "redirect:/simulator/replies";
  }
}
