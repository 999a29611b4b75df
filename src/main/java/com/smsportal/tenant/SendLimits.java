package com.smsportal.tenant;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * What a tenant may send: its own limits where support set them on the tenant page, else the
 * portal's generous defaults ({@code smsportal.limits.*}). Pages read it as {@code @sendLimits}.
 */
@Component("sendLimits")
@EnableConfigurationProperties(LimitsProperties.class)
public class SendLimits {

  private final int numbersPerJob;
  private final long numbersPerDay;
  private final long queuedNumbers;

  SendLimits(LimitsProperties defaults) {
    this.numbersPerJob = defaults.numbersPerJob();
    this.numbersPerDay = defaults.numbersPerDay();
    this.queuedNumbers = defaults.queuedNumbers();
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
