package com.smsportal.sending.compose;

/**
 * The compose form as typed; field names are the public contract of POST /send (DESIGN.md).
 *
 * @param missing a personalised send's rows with a missing value: {@code refuse} (the default) or
 *     {@code skip} (issue 24)
 */
record ComposeForm(
    Long accountId,
    String mobiles,
    String content,
    String sendTime,
    String extno,
    String idempotencyKey,
    String missing) {

  ComposeForm(
      Long accountId,
      String mobiles,
      String content,
      String sendTime,
      String extno,
      String idempotencyKey) {
    this(accountId, mobiles, content, sendTime, extno, idempotencyKey, null);
  }
}
