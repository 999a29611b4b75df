package com.smsportal.tenant;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The portal's default sending limits ({@code smsportal.limits.*}), for the tenants whose own
 * limits support left empty on the tenant page.
 *
 * @param numbersPerJob the numbers one job may have
 * @param numbersPerDay the numbers a tenant's jobs may have together per day (China time)
 * @param queuedNumbers the numbers a tenant may have waiting to be submitted at once
 */
@ConfigurationProperties("smsportal.limits")
record LimitsProperties(
    @DefaultValue("1000000") int numbersPerJob,
    @DefaultValue("10000000") long numbersPerDay,
    @DefaultValue("2000000") long queuedNumbers) {}
