package com.smsportal.sending;

import java.time.LocalDate;

/**
 * One day's sends of the current tenant, the day in China Standard Time.
 *
 * @param sent numbers in chunks the gateway accepted that day (by when it answered)
 * @param delivered of those, the numbers whose status report says delivered
 * @param failed of those, the numbers whose status report says not delivered
 */
public record DailySends(LocalDate day, long sent, long delivered, long failed) {

  /** Delivered of those with a final report, 0 to 1; null while no number of the day has one. */
  public Double deliveryRate() {
    long reported = delivered + failed;
    return reported == 0 ? null : (double) delivered / reported;
  }
}
