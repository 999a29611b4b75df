/**
 * Message templates: the entity, the {@code /templates} pages and their live preview, and the
 * tenant's "templates need review" switch ({@link
 * com.smsportal.templates.template.TemplateReviewPolicy}).
 */
package com.smsportal.templates.template;
