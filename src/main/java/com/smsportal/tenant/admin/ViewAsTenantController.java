package com.smsportal.tenant.admin;

import com.smsportal.tenant.TenantService;
import com.smsportal.tenant.TenantView;
import com.smsportal.tenant.ViewAsVisit;
import com.smsportal.tenant.ViewAsVisits;
import com.smsportal.web.NotFoundException;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Support opens a tenant's pages to help its customer ("view as tenant"): until the visit ends, the
 * customer pages show that tenant's rows only, read-only, under the tenant's own navigation and a
 * banner saying whose data is on screen; the visit is audited as one entry ({@link ViewAsVisits}).
 */
@Controller
class ViewAsTenantController {

  private final TenantService tenants;
  private final ViewAsVisits visits;

  ViewAsTenantController(TenantService tenants, ViewAsVisits visits) {
    this.tenants = tenants;
    this.visits = visits;
  }

  /** Starts the visit on the tenant's own dashboard, as its customer sees it. */
  @PostMapping("/support/tenants/{id}/view-as")
  String start(@PathVariable long id, HttpSession session) {
    TenantView tenant = tenants.find(id).orElseThrow(NotFoundException::new);
    visits.start(session, tenant);
    return "redirect:/";
  }

  @PostMapping("/support/view-as/end")
  String end(HttpSession session) {
    Optional<ViewAsVisit> ended = visits.end(session, ViewAsVisits.Ending.ENDED);
    return ended
        .map(v -> "redirect:/support/tenants/" + v.tenantId())
        .orElse("redirect:/support/tenants");
  }
}
