package com.smsportal.gateway;

import java.time.Instant;

/**
 * One inbound reply (上行) written by a member of the public.
 *
 * @param receivedAt {@code receivetime} read in Asia/Shanghai, or null if it was unreadable
 * @param receiveTime {@code receivetime} exactly as the gateway wrote it
 */
public record Reply(
    String mobile,
    String taskId,
    String content,
    Instant receivedAt,
    String receiveTime,
    String extno) {}
