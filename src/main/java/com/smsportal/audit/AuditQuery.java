package com.smsportal.audit;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** The audit page's filter; every field optional. Dates are days in China Standard Time. */
record AuditQuery(
    @Size(max = 64) String actor,
    @Size(max = 100) String tenant,
    AuditAction action,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
    Long before) {

  static AuditQuery none() {
    return new AuditQuery(null, null, null, null, null, null);
  }
}
