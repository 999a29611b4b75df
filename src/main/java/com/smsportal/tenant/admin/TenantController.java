package com.smsportal.tenant.admin;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.tenant.NumberLimits;
import com.smsportal.tenant.TenantService;
import com.smsportal.tenant.TenantView;
import com.smsportal.web.NotFoundException;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The operator's list of tenants, searchable by name, and each tenant's page. */
@Controller
class TenantController {

  static final String LIST = "tenant/list";
  static final String RESULTS = "partials/tenant/table :: results";
  static final String DETAIL = "tenant/detail";
  static final int PAGE_SIZE = 20;

  private final TenantService tenants;
  private final AuditLog audit;

  TenantController(TenantService tenants, AuditLog audit) {
    this.tenants = tenants;
    this.audit = audit;
  }

  @GetMapping("/support/tenants")
  String list(
      @RequestParam(defaultValue = "") String q,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    search(q, page, model);
    return LIST;
  }

  /** The same search as the search box types it: only the results, swapped in by htmx. */
  @HxRequest
  @GetMapping("/support/tenants")
  String results(
      @RequestParam(defaultValue = "") String q,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    search(q, page, model);
    return RESULTS;
  }

  private void search(String q, int page, Model model) {
    PageRequest pageRequest =
        PageRequest.of(Math.max(page, 0), PAGE_SIZE, Sort.by(Sort.Direction.ASC, "name"));
    Page<TenantView> result = tenants.search(q, pageRequest);
    model.addAttribute("q", q);
    model.addAttribute("tenants", result);
  }

  /** A tenant's page; looking at a tenant's data is a cross-tenant view and is audited. */
  @GetMapping("/support/tenants/{id}")
  String detail(@PathVariable long id, Model model) {
    TenantView tenant = tenants.find(id).orElseThrow(NotFoundException::new);
    audit.record(
        AuditEntry.success(AuditAction.TENANT_VIEWED, tenant.name())
            .tenant(tenant.id(), tenant.name()));
    model.addAttribute("tenant", tenant);
    if (!model.containsAttribute("statusForm")) {
      model.addAttribute("statusForm", new TenantStatusForm(""));
    }
    NumberLimits own = tenants.numberLimits(id).orElseThrow();
    model.addAttribute("ownNumberLimits", own);
    if (!model.containsAttribute(NumberLimitsController.FORM)) {
      model.addAttribute(NumberLimitsController.FORM, NumberLimitsForm.of(own));
    }
    return DETAIL;
  }
}
