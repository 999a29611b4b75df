package com.smsportal.dashboard;

import com.smsportal.tenant.TenantService;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class DashboardController {

  static final String VIEW = "dashboard/index";

  private final TenantService tenants;

  DashboardController(TenantService tenants) {
    this.tenants = tenants;
  }

  @GetMapping("/")
  String dashboard(HttpServletRequest request, Model model) {
    // Only the operator's staff may learn how many tenants exist.
    if (request.isUserInRole("SUPPORT") || request.isUserInRole("ADMIN")) {
      model.addAttribute("tenantCount", tenants.count());
    }
    return VIEW;
  }
}
