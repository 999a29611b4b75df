package com.smsportal.sending;

import java.time.Instant;

/**
 * One recipient of a job and what became of the message to it.
 *
 * @param carrierCode the carrier's code from the status report (DELIVRD, UNDELIV, ...), or null
 * @param reportedAt when the phone's carrier reported it (the report's receivetime), or null
 */
public record NumberView(
    long id,
    String mobile,
    NumberState state,
    long chunkId,
    String carrierCode,
    Instant reportedAt) {}
