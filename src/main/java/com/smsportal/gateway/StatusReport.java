package com.smsportal.gateway;

import java.time.Instant;

/**
 * One delivery status report.
 *
 * @param taskId the taskID of the send, as text
 * @param status the gateway's code: 10 delivered, 20 failed
 * @param receivedAt {@code receivetime} read in Asia/Shanghai, or null if it was unreadable
 * @param receiveTime {@code receivetime} exactly as the gateway wrote it
 * @param errorCode the carrier's code (DELIVRD, ...), informative only
 */
public record StatusReport(
    String mobile,
    String taskId,
    int status,
    Instant receivedAt,
    String receiveTime,
    String errorCode,
    String extno) {

  public static final int DELIVERED = 10;
  public static final int FAILED = 20;

  public boolean delivered() {
    return status == DELIVERED;
  }
}
