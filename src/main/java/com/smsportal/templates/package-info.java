/**
 * Templates and signatures (issue 24): a tenant's signatures (签名, e.g. {@code 【Acme商城】}), which
 * support approves or rejects; its message templates (模板) with {@code ${placeholders}}, which
 * support reviews when the tenant's "templates need review" switch is on.
 *
 * <p>This base package is the module's API: {@link com.smsportal.templates.Signatures} (the
 * approved signatures a send must start with) and {@link com.smsportal.templates.Templates} (the
 * approved templates compose may start from), with their values. Internal: {@code signature}
 * (entity, the {@code /signatures} page), {@code template} (entity, the {@code /templates} pages,
 * the preview, the review switch) and {@code review} (support's review under {@code
 * /support/tenants/{id}}). It depends on {@code tenant}, {@code audit}, {@code message} and {@code
 * web}, never on sending.
 */
package com.smsportal.templates;
