package com.smsportal.sending;

/**
 * Why a send order was not accepted; nothing was stored. Each has a text under {@link
 * #messageKey()} in {@code i18n/sending*.properties}.
 */
public enum SendRefusal {
  NO_IDEMPOTENCY_KEY,
  NO_VALID_NUMBER,
  EMPTY_CONTENT,
  CONTENT_TOO_LONG,
  BAD_EXTNO,
  EXTNO_NOT_SUPPORTED,
  SEND_TIME_PAST,
  NO_SUCH_ACCOUNT,
  ACCOUNT_INACTIVE,
  TENANT_SUSPENDED,
  ROTATION_IN_DOUBT,
  /** Every valid number is on the tenant's opt-out list. */
  ALL_OPTED_OUT;

  public String messageKey() {
    return "sending.refused." + name();
  }
}
