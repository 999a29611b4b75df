package com.smsportal.receipts;

import java.time.Instant;
import java.util.List;

/**
 * Published by {@link StatusReports#ingest} inside the transaction that stores the reports, once
 * per fetched answer (not once per report), so that a listener (the webhooks' outbox) writes what
 * it keeps of them in the same transaction, in one batch. A report stored before (a replayed
 * answer) is in it again: {@link Report#identity} is the same, and a listener keys on it.
 */
public record StatusReportsStored(long tenantId, long accountId, List<Report> reports) {

  /**
   * One stored report.
   *
   * @param identity what makes the report one (the receipts table's unique key: account, task id,
   *     number, status and the gateway's receive time), the same when it is stored again
   * @param status the gateway's code: 10 delivered, 20 failed
   * @param jobId the send job it matched, or null
   */
  public record Report(
      String identity,
      String taskId,
      String mobile,
      int status,
      boolean delivered,
      String errorCode,
      Instant receivedAt,
      String extno,
      Long jobId) {}
}
