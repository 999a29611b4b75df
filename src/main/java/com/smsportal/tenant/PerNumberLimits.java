package com.smsportal.tenant;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The flood limits per number that hold for a tenant (issue 26): its own where support set them on
 * the tenant page, else the portal's defaults ({@code smsportal.limits.per-number.*}). Pages read
 * it as {@code @perNumberLimits}.
 */
@Component("perNumberLimits")
@EnableConfigurationProperties(PerNumberLimitsProperties.class)
public class PerNumberLimits {

  private final NumberLimits defaults;
  private final TenantRepository tenants;

  PerNumberLimits(PerNumberLimitsProperties properties, TenantRepository tenants) {
    this.defaults =
        new NumberLimits(
            orNone(properties.minute()), orNone(properties.hour()), orNone(properties.day()));
    this.tenants = tenants;
  }

  /** The limits of the tenant: each its own, or the default; 0 is no limit. */
  @Transactional(readOnly = true)
  public NumberLimits of(long tenantId) {
    return tenants.findById(tenantId).map(t -> of(t.numberLimits())).orElse(defaults);
  }

  /** The limits that hold for these settings of a tenant (null: the default). */
  public NumberLimits of(NumberLimits own) {
    return new NumberLimits(
        own.perMinute() != null ? own.perMinute() : defaults.perMinute(),
        own.perHour() != null ? own.perHour() : defaults.perHour(),
        own.perDay() != null ? own.perDay() : defaults.perDay());
  }

  public NumberLimits defaults() {
    return defaults;
  }

  private static int orNone(Integer limit) {
    return limit == null || limit < 0 ? 0 : limit;
  }
}
