package com.smsportal.tenant.admin;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditDetail;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantScopedPrincipal;
import com.smsportal.tenant.TenantService;
import com.smsportal.tenant.TenantView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Staff looking at customer pages see other tenants' data: every such page is audited, with the
 * tenant viewed as (or all tenants), and the layout gets the "view as" banner.
 */
@Configuration
class CrossTenantViews implements WebMvcConfigurer, HandlerInterceptor {

  /** Pages that are the operator's own, not a tenant's. */
  private static final List<String> STAFF_PAGES =
      List.of("/support/", "/admin/", "/account/", "/simulator/", "/error", "/login");

  private final AuditLog audit;
  private final TenantService tenants;

  CrossTenantViews(AuditLog audit, TenantService tenants) {
    this.audit = audit;
    this.tenants = tenants;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).excludePathPatterns("/assets/**", "/webjars/**");
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (staff()
        && "GET".equals(request.getMethod())
        && !path.equals("/")
        && STAFF_PAGES.stream().noneMatch(path::startsWith)) {
      Optional<TenantView> viewed = viewed();
      audit.record(
          AuditEntry.success(AuditAction.TENANT_VIEWED, path)
              .tenant(
                  viewed.map(TenantView::id).orElse(null),
                  viewed.map(TenantView::name).orElse(null))
              .detail(
                  AuditDetail.of(
                      viewed.isPresent()
                          ? "audit.detail.viewAsTenant"
                          : "audit.detail.allTenants")));
    }
    return true;
  }

  @Override
  public void postHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView mav) {
    if (mav != null && staff()) {
      viewed().ifPresent(tenant -> mav.addObject("viewingTenant", tenant));
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
