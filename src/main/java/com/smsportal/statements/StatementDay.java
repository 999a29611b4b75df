package com.smsportal.statements;

import java.time.LocalDate;

/**
 * One China day's figures of a statement (or, with a null day, the month's totals).
 *
 * @param jobs the jobs submitted that day
 * @param sent numbers the gateway accepted (their chunk was accepted: submitted, delivered or
 *     failed): what the gateway bills
 * @param segments those numbers times their message's segments: the segments billed
 * @param delivered of those, the numbers whose status report says delivered
 * @param failed of those, the numbers whose status report says not delivered
 * @param unknown numbers whose chunk got no answer from the gateway (never resent by itself)
 * @param optedOut numbers left out because they were on the opt-out list: when the job was stored
 *     (counted per job) or when their chunk went
 * @param limited numbers held back by the flood limit per number
 */
public record StatementDay(
    LocalDate day,
    long jobs,
    long sent,
    long segments,
    long delivered,
    long failed,
    long unknown,
    long optedOut,
    long limited) {

  static StatementDay zero(LocalDate day) {
    return new StatementDay(day, 0, 0, 0, 0, 0, 0, 0, 0);
  }

  StatementDay plus(StatementDay o) {
    return new StatementDay(
        day,
        jobs + o.jobs,
        sent + o.sent,
        segments + o.segments,
        delivered + o.delivered,
        failed + o.failed,
        unknown + o.unknown,
        optedOut + o.optedOut,
        limited + o.limited);
  }

  /** Whether anything happened that day (a job, at least). */
  public boolean active() {
    return jobs > 0;
  }

  /** Delivered of those with a final report, in percent; null while none has one. */
  public Double deliveryRate() {
    long reported = delivered + failed;
    return reported == 0 ? null : 100.0 * delivered / reported;
  }
}
