package com.smsportal.tenant;

import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Which tenant's rows the current thread may see. Normally the logged-in user's tenant; background
 * work (pollers, start-up seeding) states it explicitly and it is cleared again on every path.
 */
public final class TenantContext {

  /** Sees every tenant's rows: the operator's staff and system tasks. */
  public static final long ALL_TENANTS = 0L;

  /** Sees no tenant's rows: an anonymous request. */
  public static final long NO_TENANT = -1L;

  /** Session attribute holding the tenant a staff member views as (set by the view-as page). */
  public static final String VIEWED_TENANT = TenantContext.class.getName() + ".VIEWED";

  private static final ThreadLocal<Long> OVERRIDE = new ThreadLocal<>();

  private TenantContext() {}

  /** The tenant identifier Hibernate filters by: a tenant id, ALL_TENANTS or NO_TENANT. */
  public static long current() {
    Long explicit = OVERRIDE.get();
    if (explicit != null) {
      return explicit;
    }
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null
        && auth.isAuthenticated()
        && auth.getPrincipal() instanceof TenantScopedPrincipal principal) {
      if (principal.tenantId() != null) {
        return principal.tenantId();
      }
      return viewedTenant().orElse(ALL_TENANTS);
    }
    return NO_TENANT;
  }

  /**
   * The tenant a staff member chose to "view as" in this session, if any: their pages then show
   * that tenant's rows only, as its customers see them.
   */
  public static Optional<Long> viewedTenant() {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request == null) {
      return Optional.empty();
    }
    Object viewed = request.getAttribute(VIEWED_TENANT, RequestAttributes.SCOPE_SESSION);
    return viewed instanceof Long id ? Optional.of(id) : Optional.empty();
  }

  /** Runs work as the given tenant, whoever is logged in, and restores the previous context. */
  public static <T> T callAs(long tenantId, Supplier<T> work) {
    Long previous = OVERRIDE.get();
    OVERRIDE.set(tenantId);
    try {
      return work.get();
    } finally {
      if (previous == null) {
        OVERRIDE.remove();
      } else {
        OVERRIDE.set(previous);
      }
    }
  }

  public static void runAs(long tenantId, Runnable work) {
    callAs(
        tenantId,
        () -> {
          work.run();
          return null;
        });
  }
}
