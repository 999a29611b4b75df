package com.smsportal.templates.signature;

import com.smsportal.templates.ReviewState;
import java.time.Instant;

/** A signature as its pages show it. */
public record SignatureView(
    long id,
    String text,
    ReviewState state,
    String reason,
    Instant createdAt,
    String createdBy,
    Instant reviewedAt,
    String reviewedBy) {

  /** The customer may withdraw an application support has not approved. */
  public boolean withdrawable() {
    return state != ReviewState.APPROVED;
  }
}
