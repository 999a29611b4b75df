package com.smsportal.tenant.admin;

import com.smsportal.tenant.TenantDetails;
import com.smsportal.tenant.TenantView;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** The create and edit form of a tenant, as typed; never bound to the entity. */
record TenantForm(
    @NotBlank @Size(max = 100) String name,
    @Size(max = 200) String contact,
    @Size(max = 2000) String notes,
    @PositiveOrZero @Max(1_000_000_000L) Long lowBalanceThreshold,
    @Positive @Max(100_000_000L) Integer maxNumbersPerJob,
    @Positive @Max(10_000_000_000L) Long maxNumbersPerDay,
    @Positive @Max(10_000_000_000L) Long maxQueuedNumbers) {

  static TenantForm empty() {
    return new TenantForm("", "", "", null, null, null, null);
  }

  static TenantForm of(TenantView tenant) {
    return new TenantForm(
        tenant.name(),
        tenant.contact(),
        tenant.notes(),
        tenant.lowBalanceThreshold(),
        tenant.maxNumbersPerJob(),
        tenant.maxNumbersPerDay(),
        tenant.maxQueuedNumbers());
  }

  TenantDetails details() {
    return new TenantDetails(
        name,
        contact,
        notes,
        lowBalanceThreshold,
        maxNumbersPerJob,
        maxNumbersPerDay,
        maxQueuedNumbers);
  }
}
