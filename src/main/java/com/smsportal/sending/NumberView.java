package com.smsportal.sending;

import java.time.Instant;

/**
 * One recipient of a job and what became of the message to it.
 *
 * @param carrierCode the carrier's code from the status report (DELIVRD, UNDELIV, ...), or null
 * @param reportedAt when the phone's carrier reported it (the report's receivetime), or null
 * @param text the text this number was sent (its chunk's, issue 24), or null: the job's content
 */
public record NumberView(
    long id,
    String mobile,
    NumberState state,
    long chunkId,
    String carrierCode,
    Instant reportedAt,
    String text) {

  public NumberView(
      long id,
      String mobile,
      NumberState state,
      long chunkId,
      String carrierCode,
      Instant reportedAt) {
    this(id, mobile, state, chunkId, carrierCode, reportedAt, null);
  }

  /** This number with the text its chunk carries (null: the job's content). */
  public NumberView withText(String text) {
    return new NumberView(id, mobile, state, chunkId, carrierCode, reportedAt, text);
  }
}
