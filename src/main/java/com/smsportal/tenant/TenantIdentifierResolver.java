package com.smsportal.tenant;

import org.hibernate.cfg.MultiTenancySettings;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;

/** Tells Hibernate the tenant of each new session, from {@link TenantContext}. */
@Component
class TenantIdentifierResolver
    implements CurrentTenantIdentifierResolver<Long>, HibernatePropertiesCustomizer {

  @Override
  public Long resolveCurrentTenantIdentifier() {
    return TenantContext.current();
  }

  @Override
  public boolean validateExistingCurrentSessions() {
    return true;
  }

  @Override
  public boolean isRoot(Long tenantId) {
    return tenantId != null && tenantId == TenantContext.ALL_TENANTS;
  }

  @Override
  public void customize(java.util.Map<String, Object> hibernateProperties) {
    hibernateProperties.put(MultiTenancySettings.MULTI_TENANT_IDENTIFIER_RESOLVER, this);
  }
}
