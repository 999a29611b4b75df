package com.smsportal.receipts;

import com.smsportal.web.KeysetList;
import com.smsportal.web.PageCursor;
import java.time.Instant;

/**
 * One delivery report as the receipts page and export show it.
 *
 * @param status the gateway's code: 10 delivered, 20 failed
 * @param errorCode the carrier's own code (DELIVRD, UNDELIV, ...), informative only
 * @param accountId the gateway account whose queue the report came from
 * @param jobId the send job the report matched, or null when it matched none
 */
public record ReceiptView(
    long id,
    long accountId,
    Instant receivedAt,
    String mobile,
    String taskId,
    int status,
    String errorCode,
    String extno,
    Long jobId,
    Instant fetchedAt)
    implements KeysetList.Row {

  public boolean delivered() {
    return status == ReceiptStatus.DELIVERED.code();
  }

  public boolean failed() {
    return status == ReceiptStatus.FAILED.code();
  }

  /** Where the page after this row starts. */
  @Override
  public PageCursor cursor() {
    return new PageCursor(receivedAt, id);
  }
}
