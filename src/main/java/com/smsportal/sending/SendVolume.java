package com.smsportal.sending;

import java.time.LocalDate;

/**
 * One day's sends of every tenant, for the operator's staff (China Standard Time).
 *
 * @param numbers numbers in chunks the gateway accepted that day (by when it answered)
 * @param billedSegments those numbers times their message's segments: what the gateway bills
 * @param tenants tenants with at least one such number
 */
public record SendVolume(LocalDate day, long numbers, long billedSegments, long tenants) {

  public boolean empty() {
    return numbers == 0;
  }
}
