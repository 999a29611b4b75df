package com.smsportal.templates;

import java.util.Optional;

/**
 * What {@link Templates#approved(long)} found: the template to send, or why there is none, so that
 * compose can say "not yet approved" apart from "no such template".
 *
 * @param template present only when {@code outcome} is {@link Outcome#APPROVED}
 */
public record TemplateLookup(Outcome outcome, Optional<TemplateText> template) {

  public enum Outcome {
    APPROVED,
    /** The tenant's template is pending or rejected: it may not be sent yet. */
    NOT_APPROVED,
    /** No such template of the current tenant. */
    NOT_FOUND
  }

  public static TemplateLookup approved(TemplateText text) {
    return new TemplateLookup(Outcome.APPROVED, Optional.of(text));
  }

  public static TemplateLookup notApproved() {
    return new TemplateLookup(Outcome.NOT_APPROVED, Optional.empty());
  }

  public static TemplateLookup notFound() {
    return new TemplateLookup(Outcome.NOT_FOUND, Optional.empty());
  }
}
