package com.smsportal.receipts;

import java.util.Locale;
import java.util.Optional;

/** The status filter of the receipts page, and the gateway's codes behind it. */
enum ReceiptStatus {
  DELIVERED(10),
  FAILED(20);

  private final int code;

  ReceiptStatus(int code) {
    this.code = code;
  }

  int code() {
    return code;
  }

  /** "delivered" or "failed"; empty for anything else. */
  static Optional<ReceiptStatus> of(String value) {
    for (ReceiptStatus status : values()) {
      if (status.name().toLowerCase(Locale.ROOT).equals(value.strip().toLowerCase(Locale.ROOT))) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}
