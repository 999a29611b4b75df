package com.smsportal.tenant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a tenant is suspended or reactivated: always asked, kept with the tenant and audited. */
record TenantStatusForm(@NotBlank @Size(max = 500) String reason) {}
