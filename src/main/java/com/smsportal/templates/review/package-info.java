/**
 * Support's review of a tenant's signatures and templates, and its "templates need review" switch:
 * {@code /support/tenants/{id}/reviews}, linked from the tenant's page.
 */
package com.smsportal.templates.review;
