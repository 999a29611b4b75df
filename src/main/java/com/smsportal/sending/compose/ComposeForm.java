package com.smsportal.sending.compose;

/** The compose form as typed; field names are the public contract of POST /send (DESIGN.md). */
record ComposeForm(
    Long accountId,
    String mobiles,
    String content,
    String sendTime,
    String extno,
    String idempotencyKey) {}
