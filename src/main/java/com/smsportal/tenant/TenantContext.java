package com.smsportal.tenant;

import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Which tenant's rows the current thread may see. Normally the logged-in user's tenant; background
 * work (pollers, start-up seeding) states it explicitly and it is cleared again on every path.
 */
public final class TenantContext {

  /** Sees every tenant's rows: the operator's staff and system tasks. */
  public static final long ALL_TENANTS = 0L;

  /** Sees no tenant's rows: an anonymous request. */
  public static final long NO_TENANT = -1L;

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
      return principal.tenantId() == null ? ALL_TENANTS : principal.tenantId();
    }
    return NO_TENANT;
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
