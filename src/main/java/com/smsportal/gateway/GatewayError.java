package com.smsportal.gateway;

/**
 * What went wrong with a call to the gateway. Each has a translated explanation under {@code
 * gateway.error.<NAME>} in {@code i18n/gateway*.properties}.
 */
public enum GatewayError {
  /** 用户名或密码错误. */
  WRONG_CREDENTIALS,
  /** 用户名或密码不能为空. */
  EMPTY_CREDENTIALS,
  /** 对不起，您当前要发送的量大于您当前余额. */
  BALANCE_TOO_LOW,
  /** 包含非法字符: followed by the blocked words. */
  BLOCKED_WORDS,
  /** 短信号码不能为空. */
  NO_NUMBERS,
  /** 短信内容不能为空. */
  EMPTY_CONTENT,
  /** 发送内容包含sql注入字符. */
  SQL_INJECTION_REFUSED,
  /** Error 3 of the report and reply endpoints: this user may not view status reports. */
  REPORTS_NOT_ALLOWED,
  /** Error 4 of the report and reply endpoints: bad parameters. */
  BAD_PARAMETERS,
  /** Any other failure the gateway reported in a readable answer (其他错误 and the like). */
  OTHER_UPSTREAM_ERROR,
  /** Refused before sending: the content holds characters the GBK endpoint cannot carry. */
  NOT_ENCODABLE,
  /** The request provably never reached the gateway (connection refused, DNS, open circuit). */
  UPSTREAM_UNREACHABLE,
  /**
   * Refused before anything was sent: the address is not one of the gateway endpoints the portal's
   * administrators allow ({@link EndpointGuard}).
   */
  ENDPOINT_NOT_ALLOWED,
  /** The gateway answered, but not with an answer we can read (HTML, 5xx, empty, too large). */
  UPSTREAM_GARBAGE,
  /**
   * The request was sent but its answer never came (read timeout, connection reset). For a send,
   * the messages may or may not go out: a person must decide before anything is resent.
   */
  OUTCOME_UNKNOWN;

  /** The key of this error's translated explanation. */
  public String messageKey() {
    return "gateway.error." + name();
  }

  /**
   * The key of this error's explanation for a call that only reads (a balance, a keyword check, a
   * connection test): where an unreadable or lost answer would call for care before a resend, a
   * read simply got nothing and may be tried again.
   */
  public String readMessageKey() {
    return mayHaveTakenEffect() ? "gateway.error.read." + name() : messageKey();
  }

  /**
   * Whether the request may have had its effect at the gateway although it failed: after an
   * unreadable or lost answer the gateway may well have sent the messages or changed the password.
   */
  public boolean mayHaveTakenEffect() {
    return this == OUTCOME_UNKNOWN || this == UPSTREAM_GARBAGE;
  }
}
