package com.smsportal.tenant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a tenant may send: its own limits where support set them on the tenant page, else the
 * portal's generous defaults ({@code smsportal.limits.*}). Pages read it as {@code @sendLimits}.
 */
@Component("sendLimits")
public class SendLimits {

  private final int numbersPerJob;
  private final long numbersPerDay;
  private final long queuedNumbers;

  SendLimits(
      @Value("${smsportal.limits.numbers-per-job:1000000}") int numbersPerJob,
      @Value("${smsportal.limits.numbers-per-day:10000000}") long numbersPerDay,
      @Value("${smsportal.limits.queued-numbers:2000000}") long queuedNumbers) {
    this.numbersPerJob = numbersPerJob;
    this.numbersPerDay = numbersPerDay;
    this.queuedNumbers = queuedNumbers;
  }

  /** The numbers one of the tenant's jobs may have. */
  public long perJob(TenantView tenant) {
    return tenant.maxNumbersPerJob() != null ? tenant.maxNumbersPerJob() : numbersPerJob;
  }

  /** The numbers the tenant's jobs may have together per day (China time). */
  public long perDay(TenantView tenant) {
    return tenant.maxNumbersPerDay() != null ? tenant.maxNumbersPerDay() : numbersPerDay;
  }

  /** The numbers the tenant may have waiting to be submitted at once. */
  public long queued(TenantView tenant) {
    return tenant.maxQueuedNumbers() != null ? tenant.maxQueuedNumbers() : queuedNumbers;
  }

  public int defaultPerJob() {
    return numbersPerJob;
  }

  public long defaultPerDay() {
    return numbersPerDay;
  }

  public long defaultQueued() {
    return queuedNumbers;
  }
}
