package com.smsportal.tenant.admin;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditDetail;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import com.smsportal.tenant.TenantView;
import com.smsportal.web.NotFoundException;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Support opens a tenant's pages to help its customer ("view as tenant"): until they end it, the
 * customer pages show that tenant's rows only, a banner says whose data is on screen, and each page
 * they open is audited.
 */
@Controller
class ViewAsTenantController {

  private final TenantService tenants;
  private final AuditLog audit;

  ViewAsTenantController(TenantService tenants, AuditLog audit) {
    this.tenants = tenants;
    this.audit = audit;
  }

  @PostMapping("/support/tenants/{id}/view-as")
  String start(@PathVariable long id, HttpSession session) {
    TenantView tenant = tenants.find(id).orElseThrow(NotFoundException::new);
    session.setAttribute(TenantContext.VIEWED_TENANT, tenant.id());
    audit.record(
        AuditEntry.success(AuditAction.TENANT_VIEWED, AuditDetail.of("audit.target.viewAsStart"))
            .tenant(tenant.id(), tenant.name()));
    return "redirect:/accounts";
  }

  @PostMapping("/support/view-as/end")
  String end(HttpSession session) {
    Object viewed = session.getAttribute(TenantContext.VIEWED_TENANT);
    session.removeAttribute(TenantContext.VIEWED_TENANT);
    if (viewed instanceof Long id) {
      audit.record(
          AuditEntry.success(AuditAction.TENANT_VIEWED, AuditDetail.of("audit.target.viewAsEnd"))
              .tenant(id, tenants.find(id).map(TenantView::name).orElse(null)));
      return "redirect:/support/tenants/" + id;
    }
    return "redirect:/support/tenants";
  }
}
