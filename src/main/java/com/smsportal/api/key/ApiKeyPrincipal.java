package com.smsportal.api.key;

import com.smsportal.tenant.TenantScopedPrincipal;
import java.security.Principal;
import java.util.Set;

/**
 * Who a request of the HTTP API acts as: the key, and through it its tenant, so that every
 * tenant-scoped service (Hibernate's tenant filter) serves it as it serves the tenant's users. Its
 * name ({@code api:smsp_…}, the key's prefix) is what the audit log and a job's "created by" show.
 */
record ApiKeyPrincipal(long keyId, Long tenantId, String prefix, Set<ApiScope> scopes)
    implements TenantScopedPrincipal, Principal {

  @Override
  public String getName() {
    return "api:" + prefix;
  }
}
