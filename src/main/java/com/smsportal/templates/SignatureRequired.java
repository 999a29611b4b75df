package com.smsportal.templates;

import java.util.List;

/**
 * A text that does not start with one of its tenant's approved signatures, which the tenant has:
 * the send is refused, naming the signatures it may start with.
 *
 * @param allowed the tenant's approved signatures, e.g. {@code 【Acme商城】}, in the order approved
 */
public record SignatureRequired(List<String> allowed) {

  public SignatureRequired {
    allowed = List.copyOf(allowed);
  }

  /** The signatures as one text for a message: {@code 【Acme】、【Acme商城】}. */
  public String allowedList() {
    return String.join("、", allowed);
  }
}
