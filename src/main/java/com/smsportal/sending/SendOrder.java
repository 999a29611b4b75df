package com.smsportal.sending;

import com.smsportal.sending.message.PastedNumbers;
import java.time.Instant;
import java.util.List;

/**
 * What a person asks to send, as the compose form carries it.
 *
 * @param mobiles the numbers as pasted (see {@link PastedNumbers#parse})
 * @param sendTime null to send now, else when the portal submits the job
 * @param extno the extension sub-number, digits only, at most 10; null or empty for none
 * @param idempotencyKey generated with the form and sent back with it: a repeated submit of the
 *     same form (double click, back and resubmit, a retried POST) finds the job it made
 */
public record SendOrder(
    long accountId,
    String mobiles,
    String content,
    Instant sendTime,
    String extno,
    String idempotencyKey) {

  public static SendOrder of(
      long accountId,
      List<String> mobiles,
      String content,
      Instant sendTime,
      String extno,
      String idempotencyKey) {
    return new SendOrder(
        accountId, String.join("\n", mobiles), content, sendTime, extno, idempotencyKey);
  }
}
