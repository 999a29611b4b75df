package com.smsportal.sending;

/**
 * What a tenant may still submit, as its limits stand now: shown on the compose page before a
 * customer sends, so that a refusal for a limit is never a surprise.
 *
 * @param perJob the numbers one job may have
 * @param perDay the numbers the tenant's jobs may have together today (China time)
 * @param submittedToday the numbers of the tenant's jobs stored today
 * @param queuedAtOnce the numbers the tenant may have waiting to be submitted at once
 * @param queuedNow the numbers waiting to be submitted or being submitted now
 */
public record SendAllowance(
    long perJob, long perDay, long submittedToday, long queuedAtOnce, long queuedNow) {

  /** The numbers that may still be submitted today (never below zero). */
  public long leftToday() {
    return Math.max(0, perDay - submittedToday);
  }

  /** The numbers that may still be queued now (never below zero). */
  public long leftToQueue() {
    return Math.max(0, queuedAtOnce - queuedNow);
  }

  /** The most numbers a job submitted now may have: the smallest of the three limits. */
  public long nextJobAtMost() {
    return Math.min(perJob, Math.min(leftToday(), leftToQueue()));
  }
}
