package com.smsportal.tenant.admin;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditDetail;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantScopedPrincipal;
import com.smsportal.tenant.TenantService;
import com.smsportal.tenant.TenantView;
import com.smsportal.tenant.ViewAsVisit;
import com.smsportal.tenant.ViewAsVisits;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Staff looking at customer pages see other tenants' data. During a visit to one tenant ("view as
 * tenant") each page opened is counted in the visit, which is audited once when it ends ({@link
 * ViewAsVisits}); opening one of the staff's own pages (support's, the administrators') ends it,
 * and that page says so. A customer page opened outside a visit shows every tenant's rows and is
 * audited on its own. The layout gets the tenant viewed ({@code viewingTenant}: its banner and
 * navigation).
 */
@Configuration
class CrossTenantViews implements WebMvcConfigurer, HandlerInterceptor {

  /** Pages that are the operator's own, not a tenant's. */
  private static final List<String> STAFF_PAGES =
      List.of("/support/", "/admin/", "/account/", "/simulator/", "/error", "/login");

  /** Pages that end a visit when opened: the staff's own work, not the tenant's. */
  private static final List<String> LEAVING = List.of("/support/", "/admin/");

  /** Requests that end or replace the visit themselves. */
  private static final Pattern VISIT_CONTROL =
      Pattern.compile("/support/(view-as/end|tenants/\\d+/view-as)");

  /** Model (or flash) attribute: the name of the tenant whose visit this page ended. */
  static final String LEFT = "viewAsLeft";

  private final AuditLog audit;
  private final TenantService tenants;

  /** Asked for only during a visit, so that a web slice (no visits) does without it. */
  private final ObjectProvider<ViewAsVisits> visits;

  CrossTenantViews(AuditLog audit, TenantService tenants, ObjectProvider<ViewAsVisits> visits) {
    this.audit = audit;
    this.tenants = tenants;
    this.visits = visits;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).excludePathPatterns("/assets/**", "/webjars/**");
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!staff()) {
      return true;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    HttpSession session = request.getSession(false);
    Optional<ViewAsVisit> visit = ViewAsVisits.current(session);
    if (visit.isPresent()) {
      if (LEAVING.stream().anyMatch(path::startsWith) && !VISIT_CONTROL.matcher(path).matches()) {
        visits.getObject().end(session, ViewAsVisits.Ending.LEFT);
        request.setAttribute(LEFT, visit.get().tenantName());
      } else if (tenantPage(request, path) && request.getHeader("HX-Request") == null) {
        visits.getObject().pageOpened(session);
      }
    } else if (tenantPage(request, path) && !path.equals("/")) {
      audit.record(
          AuditEntry.success(AuditAction.TENANT_VIEWED, path)
              .detail(AuditDetail.of("audit.detail.allTenants")));
    }
    return true;
  }

  private static boolean tenantPage(HttpServletRequest request, String path) {
    return "GET".equals(request.getMethod()) && STAFF_PAGES.stream().noneMatch(path::startsWith);
  }

  @Override
  public void postHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView mav) {
    if (mav == null || !staff()) {
      return;
    }
    viewed().ifPresent(tenant -> mav.addObject("viewingTenant", tenant));
    Object left = request.getAttribute(LEFT);
    if (left != null) {
      String view = mav.getViewName();
      if (view != null && view.startsWith("redirect:")) {
        RequestContextUtils.getOutputFlashMap(request).put(LEFT, left);
      } else {
        mav.addObject(LEFT, left);
      }
    }
  }

  private Optional<TenantView> viewed() {
    return TenantContext.viewedTenant().flatMap(tenants::find);
  }

  private static boolean staff() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null
        && auth.getPrincipal() instanceof TenantScopedPrincipal principal
        && principal.tenantId() == null;
  }
}
