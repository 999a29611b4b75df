package com.smsportal.sending;

/**
 * Why a send order was not accepted; nothing was stored. Each has a text under {@link
 * #messageKey()} in {@code i18n/sending*.properties}.
 */
public enum SendRefusal {
  NO_IDEMPOTENCY_KEY("account"),
  NO_VALID_NUMBER("mobiles"),
  EMPTY_CONTENT("content"),
  CONTENT_TOO_LONG("content"),
  BAD_EXTNO("extno"),
  EXTNO_NOT_SUPPORTED("extno"),
  SEND_TIME_PAST("sendTime"),
  NO_SUCH_ACCOUNT("account"),
  ACCOUNT_INACTIVE("account"),
  /** The gateway has not accepted the account's password yet (issue 20). */
  ACCOUNT_UNVERIFIED("account"),
  TENANT_SUSPENDED("account"),
  ROTATION_IN_DOUBT("account"),
  /** Every valid number is on the tenant's opt-out list. */
  ALL_OPTED_OUT("mobiles"),
  /** Every number left has reached a flood limit per number (issue 26). */
  ALL_LIMITED("mobiles"),
  /** More numbers than the tenant's jobs may have (the limit is the argument). */
  TOO_MANY_FOR_JOB("mobiles"),
  /** The numbers would pass the tenant's numbers per day (the limit is the argument). */
  DAILY_LIMIT("mobiles"),
  /** The numbers would pass what the tenant may have queued at once (the limit is the argument). */
  QUEUE_LIMIT("mobiles"),
  /**
   * The tenant has approved signatures and the content starts with none of them (issue 24, {@code
   * templates.Signatures}).
   */
  UNSIGNED("content");

  private final String field;

  SendRefusal(String field) {
    this.field = field;
  }

  public String messageKey() {
    return "sending.refused." + name();
  }

  /** The compose form's field the refusal is shown next to. */
  public String field() {
    return field;
  }
}
