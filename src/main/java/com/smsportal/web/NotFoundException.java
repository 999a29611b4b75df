package com.smsportal.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The one answer of every page to a thing that is not there for the person asking: it does not
 * exist, or it is another tenant's (the same answer, so a foreign id tells nothing), or it is not
 * theirs to see. Mapped here, once: 404 and the friendly not-found page in the person's language.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public final class NotFoundException extends RuntimeException {

  public NotFoundException() {
    // An expected answer, not a fault: no stack trace to fill.
    super(null, null, false, false);
  }
}
