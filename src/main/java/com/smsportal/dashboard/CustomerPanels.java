package com.smsportal.dashboard;

import com.smsportal.tenant.TenantContext;
import com.smsportal.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The dashboard's panels show one tenant's data: a customer's, or that of the tenant a staff member
 * is viewing ("view as tenant": they see what its customer sees). Staff otherwise (every tenant's
 * context) have none of their own, so a panel asked for by staff is not found.
 */
final class CustomerPanels {

  private CustomerPanels() {}

  static boolean isCustomer(HttpServletRequest request) {
    return request.isUserInRole("TENANT_ADMIN")
        || request.isUserInRole("SENDER")
        || request.isUserInRole("VIEWER")
        || TenantContext.viewedTenant().isPresent();
  }

  static void requireCustomer(HttpServletRequest request) {
    if (!isCustomer(request)) {
      throw new NotFoundException();
    }
  }
}
