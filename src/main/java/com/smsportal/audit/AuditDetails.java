package com.smsportal.audit;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Shows a stored audit detail (or target) in the reader's language: a structured {@link
 * AuditDetail} through the message bundles, plain text (rows written before, a typed reason) as
 * stored. The audit page calls it as {@code @auditDetails}; the export too.
 */
@Component("auditDetails")
public class AuditDetails {

  private final MessageSource messages;

  AuditDetails(MessageSource messages) {
    this.messages = messages;
  }

  public String text(String stored) {
    return text(stored, LocaleContextHolder.getLocale());
  }

  public String text(String stored, Locale locale) {
    return AuditDetail.decode(stored).map(d -> d.render(messages, locale)).orElse(stored);
  }
}
