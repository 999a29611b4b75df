package com.smsportal.dashboard;

import com.smsportal.web.NotFoundException;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The dashboard's balances panel, which htmx loads after the page so that the page never waits for
 * the gateway; its refresh button; and the row of an account whose gateway had not answered yet.
 */
@Controller
class BalanceController {

  static final String PANEL = "partials/dashboard/balances :: balances";
  static final String ROW = "partials/dashboard/balances :: row";

  private final AccountBalances balances;

  BalanceController(AccountBalances balances) {
    this.balances = balances;
  }

  /** Without htmx (a bookmark, no JavaScript) the panel is the dashboard itself. */
  @GetMapping("/dashboard/balances")
  String page(HttpServletRequest request) {
    CustomerPanels.requireCustomer(request);
    return "redirect:/";
  }

  @HxRequest
  @GetMapping("/dashboard/balances")
  String panel(HttpServletRequest request, Model model) {
    CustomerPanels.requireCustomer(request);
    model.addAttribute("balances", balances.ofCurrentTenant(false));
    return PANEL;
  }

  /** Asks the gateway again for every account of the tenant, whatever is kept. */
  @PostMapping("/dashboard/balances/refresh")
  String refreshPage(HttpServletRequest request) {
    CustomerPanels.requireCustomer(request);
    balances.ofCurrentTenant(true);
    return "redirect:/";
  }

  @HxRequest
  @PostMapping("/dashboard/balances/refresh")
  String refresh(HttpServletRequest request, Model model) {
    CustomerPanels.requireCustomer(request);
    model.addAttribute("balances", balances.ofCurrentTenant(true));
    return PANEL;
  }

  @GetMapping("/dashboard/balances/{id}")
  String row(@PathVariable long id, HttpServletRequest request, Model model) {
    CustomerPanels.requireCustomer(request);
    BalanceRow row = balances.ofAccount(id).orElseThrow(NotFoundException::new);
    model.addAttribute("b", row);
    return ROW;
  }
}
