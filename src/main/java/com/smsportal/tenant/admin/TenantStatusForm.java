package com.smsportal.tenant.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/**
 * Why a tenant is suspended or reactivated: always asked, kept with the tenant and audited.
 * Serializable: a refused form goes back to the page in the flash attributes, kept in the session
 * store.
 */
record TenantStatusForm(@NotBlank @Size(max = 500) String reason) implements Serializable {}
