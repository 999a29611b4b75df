package com.smsportal.tenant;

import com.smsportal.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The operator's list of tenants, searchable by name. */
@Controller
class TenantController {

  static final String VIEW = "tenant/list";
  static final String RESULTS = "partials/tenant/table :: results";
  static final int PAGE_SIZE = 20;

  private final TenantService tenants;

  TenantController(TenantService tenants) {
    this.tenants = tenants;
  }

  @GetMapping("/support/tenants")
  String list(
      @RequestParam(defaultValue = "") String q,
      @RequestParam(defaultValue = "0") int page,
      HttpServletRequest request,
      Model model) {
    PageRequest pageRequest =
        PageRequest.of(Math.max(page, 0), PAGE_SIZE, Sort.by(Sort.Direction.ASC, "name"));
    Page<TenantView> result = tenants.search(q, pageRequest);
    model.addAttribute("q", q);
    model.addAttribute("tenants", result);
    return Htmx.isRequest(request) ? RESULTS : VIEW;
  }
}
